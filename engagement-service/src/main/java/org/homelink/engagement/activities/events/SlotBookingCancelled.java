package org.homelink.engagement.activities.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A booked appointment is given up, and the slot is free again. */
@Revision("1")
public record SlotBookingCancelled(String activityId, String trustId, String schoolUrn, String slotId,
                                   String familyId, String cancelledBy, Instant cancelledAt) {
}
