package org.homelink.engagement.activities.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.contracts.engagement.Venue;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What can be asked of an {@link EngagementActivity}. Each command carries who asks ({@code actor}), so the activity
 * itself refuses anyone outside its school, and when ({@code at}). What an activity cannot know itself (a family's
 * carers and children, as the service's family directory has them) the web layer looks up and passes in.
 */
public final class ActivityCommands {

    private ActivityCommands() {
    }

    public record ScheduleActivity(@TargetAggregateIdentifier String activityId, String schoolUrn, ActivityKind kind,
                                   String kindName, String title, String description, List<Occurrence> occurrences,
                                   Venue venue, Integer capacity, Set<String> interpreterLanguages,
                                   boolean crecheAvailable, Set<InvolvementType> involvementTypes,
                                   String coHostOrganisationId, RequestContext actor, Instant at) {
    }

    public record RescheduleOccurrence(@TargetAggregateIdentifier String activityId,
                                       @TargetAggregateVersion Long expectedVersion, int occurrence, Instant start,
                                       Instant end, String reason, RequestContext actor, Instant at) {
    }

    /** {@code occurrence} null cancels every occurrence still to come. */
    public record CancelActivity(@TargetAggregateIdentifier String activityId,
                                 @TargetAggregateVersion Long expectedVersion, Integer occurrence, String reason,
                                 RequestContext actor, Instant at) {
    }

    /** A family to invite, with the carers the invitation goes to. */
    public record Invitee(String familyId, List<InvitedCarer> carers) {
    }

    /** What inviting did: the families newly invited, and the activity's version after it. */
    public record FamiliesInvited(List<String> familyIds, long version) {

        public int invited() {
            return familyIds.size();
        }
    }

    public record InviteFamilies(@TargetAggregateIdentifier String activityId, List<Invitee> invitees,
                                 String audience, RequestContext actor, Instant at) {
    }

    public record AnswerInvitation(@TargetAggregateIdentifier String activityId, String familyId, String carerId,
                                   Answer answer, Set<WhatWouldHelp> wouldHelp, RequestContext actor, Instant at) {
    }

    /**
     * @param familyCarers   every carer of the family, as the directory has them
     * @param familyChildren every child of the family
     */
    public record RecordAttendance(@TargetAggregateIdentifier String activityId, int occurrence, String familyId,
                                   Set<String> carerIds, Set<String> childIds, Set<String> familyCarers,
                                   Set<String> familyChildren, RequestContext actor, Instant at) {
    }

    public record OfferSlots(@TargetAggregateIdentifier String activityId, int occurrence, String teacherId,
                             String teacherName, Instant from, Instant to, int minutes, RequestContext actor,
                             Instant at) {
    }

    /** @param familyChildren every child of the family, as the directory has them */
    public record BookSlot(@TargetAggregateIdentifier String activityId, String slotId, String familyId,
                           String carerId, String childId, Set<String> familyChildren, RequestContext actor,
                           Instant at) {
    }

    public record CancelBooking(@TargetAggregateIdentifier String activityId, String slotId, RequestContext actor,
                                Instant at) {
    }
}
