package org.homelink.engagement.voice.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.engagement.voice.events.ActionStatus;
import org.homelink.engagement.voice.events.Question;

import java.time.Instant;
import java.util.List;

/**
 * A survey as staff see it. Its answers are documents of their own ({@link SurveyResponse}), never in here.
 *
 * @param stage   {@code DRAFT}, {@code OPEN} or {@code CLOSED} (closed by staff; an open survey past its
 *                {@code closesAt} takes no more answers either)
 * @param version the sequence number of the survey's latest event applied: its ETag
 */
public record SurveyView(@BsonId String surveyId, String trustId, List<String> schoolUrns, String title,
                         List<Question> questions, int questionsVersion, String stage, Instant closesAt,
                         List<Action> actions, String createdBy, Instant createdAt, long version) {

    public SurveyView {
        actions = actions == null ? List.of() : actions;
    }

    public boolean openAt(Instant now) {
        return "OPEN".equals(stage) && closesAt != null && now.isBefore(closesAt);
    }

    /** "You said, we did": what the school does about what families said. */
    public record Action(String actionId, List<String> questionIds, String youSaid, String weDid, ActionStatus status,
                         Instant plannedAt, Instant changedAt) {
    }
}
