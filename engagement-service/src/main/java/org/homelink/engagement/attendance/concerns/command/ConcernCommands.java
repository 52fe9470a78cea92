package org.homelink.engagement.attendance.concerns.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.contracts.engagement.ConcernReason;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.Outcome;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
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
        return pupilsPrefix(schoolUrn, childId) + number;
    }

    /** The concern's number among the pupil's at the school, if it is one of theirs. */
    public static OptionalInt numberOf(String concernId, String schoolUrn, String childId) {
        String prefix = pupilsPrefix(schoolUrn, childId);
        // Digits alone after the prefix: the concerns of pupil "a" are not those of pupil "a-1".
        return concernId.startsWith(prefix) && concernId.length() > prefix.length()
               && concernId.substring(prefix.length()).chars().allMatch(Character::isDigit)
                ? OptionalInt.of(Integer.parseInt(concernId.substring(prefix.length())))
                : OptionalInt.empty();
    }

    private static String pupilsPrefix(String schoolUrn, String childId) {
        return "attendance-concern-" + schoolUrn + "-" + childId + "-";
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
