package org.homelink.engagement.voice.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.voice.events.ActionStatus;
import org.homelink.engagement.voice.events.GivenAnswer;
import org.homelink.engagement.voice.events.Question;
import org.homelink.engagement.voice.events.SurveyEvents.Recipient;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What can be asked of a {@link Survey}. Staff commands carry who asks ({@code actor}); an answer carries instead the
 * hash of the personal link it came through, which is all the survey needs to know whose answer it is.
 */
public final class SurveyCommands {

    private SurveyCommands() {
    }

    public record CreateSurvey(@TargetAggregateIdentifier String surveyId, List<String> schoolUrns, String title,
                               List<Question> questions, RequestContext actor, Instant at) {
    }

    public record ReviseSurvey(@TargetAggregateIdentifier String surveyId,
                               @TargetAggregateVersion Long expectedVersion, String title, List<Question> questions,
                               RequestContext actor, Instant at) {
    }

    public record OpenSurvey(@TargetAggregateIdentifier String surveyId, Instant closesAt, RequestContext actor,
                             Instant at) {
    }

    public record SendSurvey(@TargetAggregateIdentifier String surveyId, List<Recipient> recipients, String audience,
                             RequestContext actor, Instant at) {
    }

    /** What sending did: the carers newly sent the survey (others had it already), and the survey's version. */
    public record Sent(List<Recipient> recipients, long version) {
    }

    /** @param yearGroups the family's year groups at the recipient's school now, as the directory has them */
    public record AnswerSurvey(@TargetAggregateIdentifier String surveyId, String tokenHash,
                               List<GivenAnswer> answers, Set<YearGroup> yearGroups, Instant at) {
    }

    public record CloseSurvey(@TargetAggregateIdentifier String surveyId, RequestContext actor, Instant at) {
    }

    public record PlanAction(@TargetAggregateIdentifier String surveyId, String actionId, List<String> questionIds,
                             String youSaid, String weDid, ActionStatus status, RequestContext actor, Instant at) {
    }

    public record ChangeActionStatus(@TargetAggregateIdentifier String surveyId, String actionId,
                                     ActionStatus status, RequestContext actor, Instant at) {
    }
}
