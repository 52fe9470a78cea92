package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;

import java.time.Instant;
import java.util.List;

/**
 * A family has been invited to an activity, each of its carers by their own channel and language. A family is
 * invited to one activity once.
 *
 * @param activityId the activity
 * @param trustId    its trust
 * @param schoolUrn  its school
 * @param familyId   the family
 * @param carers     the carers the invitation goes to, at least one
 * @param audience   how the family came to be invited, such as {@code year groups YEAR_3} or {@code by name}
 * @param invitedBy  the staff id of who invited them
 * @param invitedAt  when
 */
@Revision("1")
public record FamilyInvited(String activityId, String trustId, String schoolUrn, @DataSubject String familyId,
                            List<InvitedCarer> carers, String audience, String invitedBy, Instant invitedAt)
        implements ActivityEvent {
}
