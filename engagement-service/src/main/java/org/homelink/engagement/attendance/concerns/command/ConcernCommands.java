package org.homelink.engagement.attendance.concerns.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.contracts.engagement.ConcernReason;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.Outcome;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What can be asked of an {@link AttendanceConcern}: each command carries who asks and when. */
public final class ConcernCommands {

    private ConcernCommands() {
    }

    /**
     * @param number the pupil's concerns at the school so far, plus one: see {@link #idOf}
     */
    public record RaiseConcern(@TargetAggregateIdentifier String concernId, String trustId, String schoolUrn,
                               String childId, String familyId, ConcernReason reason, RequestContext actor,
                               Instant at) {
    }

    /**
     * A concern's id is its school, its pupil and its place among the pupil's concerns at that school. A new concern
     * takes the next number only once the one before is closed, so two open concerns for one pupil would need the
     * same id, and the event log lets only one stream of that id begin, whichever instance asks.
     */
    public static String idOf(String schoolUrn, String childId, int number) {
        return "attendance-concern-" + schoolUrn + "-" + childId + "-" + number;
    }

    /** @param familyCarers the family's carers, as the service's family directory has them */
    public record LogConversation(@TargetAggregateIdentifier String concernId, Set<String> familyCarers,
                                  Set<String> carerIds, Instant happenedAt, String summary, RequestContext actor,
                                  Instant at) {
    }

    public record AgreeSupportPlan(@TargetAggregateIdentifier String concernId, List<String> actions,
                                   LocalDate reviewOn, RequestContext actor, Instant at) {
    }

    public record ReviewSupport(@TargetAggregateIdentifier String concernId, boolean helped, String note,
                                RequestContext actor, Instant at) {
    }

    public record InvolveChampion(@TargetAggregateIdentifier String concernId, String championId,
                                  RequestContext actor, Instant at) {
    }

    public record ReferToLocalAuthority(@TargetAggregateIdentifier String concernId, RequestContext actor,
                                        Instant at) {
    }

    public record CloseConcern(@TargetAggregateIdentifier String concernId, Outcome outcome, String note,
                               RequestContext actor, Instant at) {
    }
}
