package org.homelink.contracts.engagement;

import java.time.Instant;

/**
 * One meeting of an activity: a one-off activity has one, a weekly coffee morning one per week.
 *
 * @param number its number within the activity, from 1; it stays the same when the occurrence is rescheduled
 * @param start  when it starts
 * @param end    when it ends, after {@code start}
 */
public record Occurrence(int number, Instant start, Instant end) {
}
