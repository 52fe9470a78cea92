package org.homelink.engagement.activities.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A carer has booked a parents' evening appointment about one of their children. A slot is booked once. */
@Revision("1")
public record SlotBooked(String activityId, String trustId, String schoolUrn, String slotId, String familyId,
                         String carerId, String childId, String bookedBy, Instant bookedAt) {
}
