package org.homelink.engagement.activities.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.engagement.Venue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An activity as staff see it: what, when, where, for whom, what changed, and for a parents' evening its slots.
 * Invitations are documents of their own ({@link InvitationView}), so inviting a whole school does not rewrite one
 * ever-growing document per family.
 *
 * @param version the sequence number of the activity's latest event applied: its ETag
 */
public record ActivityView(@BsonId String activityId, String trustId, String schoolUrn, ActivityKind kind,
                           String kindName, String title, String description, List<Meeting> occurrences, Venue venue,
                           Integer capacity, Set<String> interpreterLanguages, boolean crecheAvailable,
                           Set<InvolvementType> involvementTypes, String coHostOrganisationId,
                           List<String> familyIds, List<Change> changes, List<SlotView> slots, String scheduledBy,
                           Instant scheduledAt, long version) {

    public ActivityView {
        familyIds = familyIds == null ? List.of() : familyIds;
    }

    /** Whether an interpreter is booked for the language; never for a language not known. */
    public boolean interpreterBooked(String language) {
        return language != null && interpreterLanguages.contains(language);
    }

    /** Whether the carer needs an interpreter in a language known and none is booked for it. */
    public boolean interpreterMissingFor(InvitedCarer carer) {
        return carer.needsInterpreter() && carer.language() != null && !interpreterBooked(carer.language());
    }

    /** An occurrence and whether it was cancelled. */
    public record Meeting(int number, Instant start, Instant end, boolean cancelled) {
    }

    /**
     * A change families are to be told of.
     *
     * @param what       {@code RESCHEDULED} or {@code CANCELLED}
     * @param occurrence the occurrence, or null for the whole activity
     */
    public record Change(String what, Integer occurrence, Instant start, Instant end, String reason, String by,
                         Instant at) {
    }

    /** A parents' evening appointment; {@code familyId} set once booked. */
    public record SlotView(String slotId, int occurrence, String teacherId, String teacherName, Instant start,
                           Instant end, String familyId, String carerId, String childId) {

        /** Who a slot is booked by once the family that booked it has been erased: taken, by no one named. */
        public static final String ERASED_FAMILY = "erased";

        public boolean booked() {
            return familyId != null;
        }

        SlotView bookedByAnErasedFamily() {
            return new SlotView(slotId, occurrence, teacherId, teacherName, start, end, ERASED_FAMILY, null, null);
        }
    }
}
