package org.homelink.engagement.activities.events;

import java.time.Instant;

/**
 * One appointment a teacher offers at a parents' evening.
 *
 * @param slotId     its id within the activity: the teacher's id and the minute it starts
 * @param teacherId  the teacher's staff id
 * @param start      when it starts
 * @param end        when it ends
 */
public record Slot(String slotId, String teacherId, Instant start, Instant end) {
}
