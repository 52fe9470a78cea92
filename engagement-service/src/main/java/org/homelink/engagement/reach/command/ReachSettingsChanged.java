package org.homelink.engagement.reach.command;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A school's leaders have said when a family counts as underserved. Only engagement-service reads it.
 *
 * @param weeksWithoutTwoWayContact    a family with no two-way contact for this many weeks is underserved
 * @param invitationsWithoutAttendance a family invited to this many activities that have met, who came to none, is
 */
@Revision("1")
public record ReachSettingsChanged(String schoolUrn, String trustId, int weeksWithoutTwoWayContact,
                                   int invitationsWithoutAttendance, String changedBy, Instant changedAt) {
}
