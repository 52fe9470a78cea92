package org.homelink.engagement.voice.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homelink.engagement.voice.events.ActionStatus;
import org.homelink.engagement.voice.events.Question.QuestionKind;
import org.homelink.engagement.voice.events.ScaleAnswer;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/** What staff and families send to the parent voice API. */
final class SurveyRequests {

    private SurveyRequests() {
    }

    /** A question; without an id the school's own questions are numbered q-1, q-2... */
    record QuestionRequest(@Pattern(regexp = ID, message = ID_MESSAGE) String questionId,
                           @NotBlank @Size(max = 500) String text, @NotNull QuestionKind kind) {
    }

    /**
     * @param template   {@code PARENT_VIEW} to start from Parent View's twelve statements
     * @param questions  the school's questions, after the template's
     */
    record CreateSurveyRequest(@NotEmpty Set<@Pattern(regexp = URN, message = URN_MESSAGE) String> schoolUrns,
                               @NotBlank @Size(max = 200) String title,
                               @Pattern(regexp = "PARENT_VIEW") String template,
                               List<@Valid QuestionRequest> questions) {
    }

    record ReviseSurveyRequest(@NotBlank @Size(max = 200) String title,
                               @NotEmpty List<@Valid QuestionRequest> questions) {
    }

    record OpenSurveyRequest(@NotNull Instant closesAt) {
    }

    record ActionRequest(@NotEmpty List<@Pattern(regexp = ID, message = ID_MESSAGE) String> questionIds,
                         @NotBlank @Size(max = 1000) String youSaid,
                         @NotBlank @Size(max = 1000) String weDid,
                         ActionStatus status) {
    }

    record ActionStatusRequest(@NotNull ActionStatus status) {
    }

    record AnswerRequest(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String questionId, ScaleAnswer scale,
                         @Size(max = 2000) String text) {
    }

    record AnswersRequest(@NotEmpty List<@Valid AnswerRequest> answers) {
    }
}
