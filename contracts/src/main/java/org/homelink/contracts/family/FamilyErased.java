package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * A family's records have been erased: the last event of the family. Its key is deleted, so the personal data in
 * every earlier event about it, in any service's events, reads as {@code null} from now on. Every service that keeps
 * anything about the family forgets it on this event: its read models, and what partners were shown. Carries no
 * personal data, so it stays readable for good, and a reader replaying the log meets it after everything it erases.
 *
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools when it was erased
 * @param carerIds   the ids of every carer the family had, for readers that keep records by carer
 * @param childIds   the ids of every child the family had, for readers that keep records by pupil
 * @param reason     why
 * @param erasedBy   the staff id of who erased it
 * @param erasedAt   when
 */
@Revision("1")
public record FamilyErased(String familyId, String trustId, Set<String> schoolUrns, Set<String> carerIds,
                           Set<String> childIds, ErasureReason reason, String erasedBy, Instant erasedAt)
        implements FamilyEvent {
}
