package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An activity, or one occurrence of it, will not take place. Every family invited and not declined is to be told.
 *
 * @param activityId  the activity
 * @param trustId     its trust
 * @param schoolUrn   its school
 * @param occurrence  the number of the occurrence cancelled, or {@code null} when every occurrence still to come is
 * @param reason      why, as families will be told
 * @param cancelledBy the staff id of who cancelled it
 * @param cancelledAt when
 */
@Revision("1")
public record ActivityCancelled(String activityId, String trustId, String schoolUrn, Integer occurrence,
                                String reason, String cancelledBy, Instant cancelledAt) implements ActivityEvent {
}
