package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;

/**
 * A school has raised a concern about a pupil's attendance, so that it meets the family to understand what gets in
 * the way and agrees support. A school has at most one open concern per pupil. The conversation, the support agreed
 * and the reviews stay inside engagement-service; only the concern and its escalations are published.
 *
 * @param concernId the concern
 * @param trustId   the school's trust
 * @param schoolUrn the school
 * @param childId   the pupil, as family-service knows them
 * @param familyId  the pupil's family
 * @param reason    why, as a category
 * @param raisedBy  the staff id of who raised it
 * @param raisedAt  when
 */
@Revision("1")
public record AttendanceConcernRaised(String concernId, String trustId, String schoolUrn, String childId,
                                      @DataSubject String familyId, @PersonalData ConcernReason reason, String raisedBy,
                                      Instant raisedAt) {
}
