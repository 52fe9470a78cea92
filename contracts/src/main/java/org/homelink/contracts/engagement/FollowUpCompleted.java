package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * The follow-up of a contact has been done.
 *
 * @param contactId   the contact whose follow-up it was
 * @param familyId    the family
 * @param trustId     the family's trust
 * @param schoolUrns  the family's schools as engagement-service knew them
 * @param note        what was done, or {@code null}
 * @param completedBy the staff id of who did it
 * @param completedAt when
 */
@Revision("1")
public record FollowUpCompleted(String contactId, @DataSubject String familyId, String trustId, Set<String> schoolUrns,
                                @PersonalData String note, String completedBy, Instant completedAt) {
}
