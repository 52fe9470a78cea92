package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * One occurrence of an activity moves to another time. Every family invited and not declined is to be told.
 *
 * @param activityId    the activity
 * @param trustId       its trust
 * @param schoolUrn     its school
 * @param occurrence    the occurrence moved, with its new start and end
 * @param reason        why, as families will be told, or {@code null}
 * @param rescheduledBy the staff id of who moved it
 * @param rescheduledAt when
 */
@Revision("1")
public record ActivityRescheduled(String activityId, String trustId, String schoolUrn, Occurrence occurrence,
                                  String reason, String rescheduledBy, Instant rescheduledAt)
        implements ActivityEvent {
}
