package org.homelink.engagement.families.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.InvolvementType;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the views of reach need to know about an activity: when it meets, what kind, which types of involvement.
 *
 * @param version the sequence number of the activity's latest schedule event applied
 */
public record ActivitySummary(@BsonId String activityId, String trustId, String schoolUrn, ActivityKind kind,
                              String title, Set<InvolvementType> involvementTypes, List<Meeting> occurrences,
                              long version) {

    /** An occurrence, and whether it was cancelled. */
    public record Meeting(int number, Instant start, Instant end, boolean cancelled) {
    }

    /** Whether an occurrence that was not cancelled has started by {@code now}: one the family could have come to. */
    public boolean hasMetBy(Instant now) {
        return occurrences.stream().anyMatch(meeting -> !meeting.cancelled() && !meeting.start().isAfter(now));
    }

    /**
     * Whether an occurrence that was not cancelled started between {@code from} and {@code now}: one a family
     * invited at {@code from} had the chance to come to.
     */
    public boolean hasMetBetween(Instant from, Instant now) {
        return occurrences.stream().anyMatch(meeting -> !meeting.cancelled() && !meeting.start().isBefore(from)
                                                        && !meeting.start().isAfter(now));
    }

    public Instant firstStart() {
        return occurrences.stream().map(Meeting::start).min(Instant::compareTo).orElseThrow();
    }
}
