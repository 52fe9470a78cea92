package org.homelink.engagement.attendance.concerns.events;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The steps of an attendance concern that stay inside engagement-service: what the family said and what was agreed
 * with them is for the school's staff, not for every reader of the shared log. Raising and escalating are published
 * ({@code AttendanceConcernRaised}, {@code ConcernEscalated}).
 */
public final class ConcernSteps {

    private ConcernSteps() {
    }

    /** Every step names its concern and school, so the read model places it without looking anything up. */
    public sealed interface ConcernStep permits ConversationLogged, SupportPlanAgreed, SupportReviewed,
            ConcernClosed {
        String concernId();

        String schoolUrn();
    }

    /**
     * The school has talked with the parents about the pupil's attendance and what gets in the way.
     *
     * @param carerIds   the carers who took part
     * @param happenedAt when the conversation was
     * @param summary    what was said, in staff's words
     */
    @Revision("2")
    public record ConversationLogged(String concernId, String schoolUrn, @DataSubject String familyId,
                                     Set<String> carerIds, Instant happenedAt, @PersonalData String summary,
                                     String loggedBy, Instant loggedAt) implements ConcernStep {
    }

    /** Support agreed with the family, and the day the school and family look at whether it helped. */
    @Revision("2")
    public record SupportPlanAgreed(String concernId, String schoolUrn, @DataSubject String familyId,
                                    @PersonalData List<String> actions, LocalDate reviewOn, String agreedBy,
                                    Instant agreedAt) implements ConcernStep {
    }

    /** Whether the support helped; if it did the concern closes as resolved, if not it may be escalated. */
    @Revision("2")
    public record SupportReviewed(String concernId, String schoolUrn, @DataSubject String familyId, boolean helped,
                                  @PersonalData String note, String reviewedBy, Instant reviewedAt)
            implements ConcernStep {
    }

    @Revision("2")
    public record ConcernClosed(String concernId, String schoolUrn, @DataSubject String familyId, Outcome outcome,
                                @PersonalData String note, String closedBy, Instant closedAt) implements ConcernStep {
    }

    /** How a concern ended. */
    public enum Outcome {
        /** Attendance improved with the support agreed. */
        RESOLVED,
        /** The local authority's attendance service has taken it on. */
        WITH_LOCAL_AUTHORITY,
        /** The pupil has left the school. */
        PUPIL_LEFT,
        /** Closed for another reason, which the note gives. */
        OTHER
    }
}
