package org.homelink.engagement.voice.events;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A survey's events, internal to engagement-service: no other service needs a survey's questions or its answers.
 * Only {@link org.homelink.contracts.engagement.SurveyAnswered} (that a carer took part) is published.
 */
public final class SurveyEvents {

    private SurveyEvents() {
    }

    /** Every survey event names its survey: the stream it belongs to. */
    public interface SurveyEvent {
        String surveyId();
    }

    /** @param schoolUrns the schools whose families the survey is for; results compare them side by side */
    public record SurveyCreated(String surveyId, String trustId, List<String> schoolUrns, String title,
                                List<Question> questions, String createdBy, Instant createdAt)
            implements SurveyEvent {
    }

    /** @param questionsVersion 1 on creation, one more with each revision before the survey opens */
    public record SurveyRevised(String surveyId, String title, List<Question> questions, int questionsVersion,
                                String revisedBy, Instant revisedAt) implements SurveyEvent {
    }

    /** From now on its questions are fixed. */
    public record SurveyOpened(String surveyId, int questionsVersion, Instant closesAt, String openedBy,
                               Instant openedAt) implements SurveyEvent {
    }

    /**
     * A carer sent the survey, with their personal link. The link itself is never stored: only its SHA-256 hash.
     *
     * @param familyId   the carer's family, whose key encrypts the language
     * @param schoolUrn  the survey's school on whose roll the family is; their answer counts for it
     * @param responseId the id their answer is kept under in results, so that a second answer replaces the first
     *                   without results ever naming the carer
     * @param byStaff    the carer prefers spoken contact, or a visit or call: a member of staff tells them
     */
    public record Recipient(@DataSubject String familyId, String carerId, String schoolUrn, String tokenHash,
                            String responseId, ContactChannel channel, @PersonalData String language,
                            boolean byStaff) {
    }

    public record SurveySent(String surveyId, List<Recipient> recipients, String audience, String sentBy,
                             Instant sentAt) implements SurveyEvent {
    }

    /**
     * A carer's answers, unattributed in results: the response id and the family's year groups at the school when
     * they answered, never who. A later response under the same id replaces it. The family is named only so that its
     * key encrypts the answers, which erasing the family makes unreadable (revision 1; responses stored before it,
     * with no revision, before personal data was encrypted, name none): the log already ties the response to the
     * family through {@link SurveySent}.
     */
    @Revision("1")
    public record SurveyResponseRecorded(String surveyId, String responseId, @DataSubject String familyId,
                                         String schoolUrn, Set<YearGroup> yearGroups,
                                         @PersonalData List<GivenAnswer> answers, Instant recordedAt)
            implements SurveyEvent {
    }

    public record SurveyClosed(String surveyId, String closedBy, Instant closedAt) implements SurveyEvent {
    }

    /** "You said, we did": what the school does about what families said in answer to these questions. */
    public record ActionPlanned(String surveyId, String actionId, List<String> questionIds, String youSaid,
                                String weDid, ActionStatus status, String plannedBy, Instant plannedAt)
            implements SurveyEvent {
    }

    public record ActionStatusChanged(String surveyId, String actionId, ActionStatus status, String changedBy,
                                      Instant changedAt) implements SurveyEvent {
    }
}
