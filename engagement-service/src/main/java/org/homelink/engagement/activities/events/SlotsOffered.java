package org.homelink.engagement.activities.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A teacher offers appointments at a parents' evening. Only engagement-service reads it: other services learn of
 * parents' evenings from the published activity events.
 */
@Revision("1")
public record SlotsOffered(String activityId, String trustId, String schoolUrn, int occurrence, String teacherId,
                           String teacherName, List<Slot> slots, String offeredBy, Instant offeredAt) {
}
