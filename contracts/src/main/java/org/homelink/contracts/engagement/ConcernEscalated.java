package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The support agreed with a family has not helped, and the school has taken the attendance concern a step further:
 * first to its senior attendance champion, then to the local authority's attendance service.
 *
 * @param concernId   the concern
 * @param trustId     the school's trust
 * @param schoolUrn   the school
 * @param childId     the pupil
 * @param familyId    the pupil's family
 * @param step        to whom
 * @param championId  the staff id of the senior attendance champion involved; {@code null} for the local authority
 * @param escalatedBy the staff id of who escalated it
 * @param escalatedAt when
 */
@Revision("1")
public record ConcernEscalated(String concernId, String trustId, String schoolUrn, String childId, String familyId,
                               EscalationStep step, String championId, String escalatedBy, Instant escalatedAt) {
}
