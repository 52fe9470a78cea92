package org.homelink.engagement.attendance.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A school's leaders have said below which attendance rate a pupil is "at risk", so that support starts before
 * persistent absence. Only engagement-service reads it.
 */
@Revision("1")
public record AtRiskThresholdChanged(String schoolUrn, String trustId, int atRiskBelowPercent, String changedBy,
                                     Instant changedAt) {
}
