package org.homelink.engagement.messages.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.engagement.messages.query.PendingLinks;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.Languages;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/** What staff send to the messages API, and with a survey's or an agreement's personal links. */
public final class MessageRequests {

    private MessageRequests() {
    }

    /** A message's text in one language, written by a person. */
    public record TextRequest(@NotNull @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE)
                              String language,
                              @NotBlank @Size(max = 200) String subject,
                              @NotBlank @Size(max = 20_000) String body) {
    }

    /** @param fallbackLanguage the text carers without their own language's get; the first text's when not given */
    record DraftRequest(@NotEmpty Set<@Pattern(regexp = URN, message = URN_MESSAGE) String> schoolUrns,
                        @NotNull MessageKind kind, @NotEmpty @Size(max = 40) List<@Valid TextRequest> texts,
                        @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE) String fallbackLanguage) {
    }

    /**
     * A message that carries each carer's personal link: its texts as a draft's, each body saying with
     * {@value PendingLinks#MARK} where the link goes.
     */
    public record LinkMessageRequest(@NotEmpty @Size(max = 40) List<@Valid TextRequest> texts,
                                     @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE)
                                     String fallbackLanguage) {

        /** The texts, once every body has its mark: 400 naming each body without one. */
        public List<MessageText> checkedTexts() {
            List<InvalidFieldsException.FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (!PendingLinks.asksForLink(texts.get(i).body())) {
                    problems.add(new InvalidFieldsException.FieldProblem(
                            "message.texts[" + i + "].body", "say where the carer's link goes with "
                                                              + PendingLinks.MARK));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidFieldsException(problems);
            }
            return MessageRequests.texts(texts);
        }

        public String fallback(List<MessageText> checked) {
            return MessageRequests.fallback(fallbackLanguage, checked);
        }
    }

    /**
     * Sending personal links to an audience (its fields as they are, at the top level), and with {@code message} as a
     * message that delivers them; without it the links are answered to the caller to deliver.
     */
    public record LinkSendingRequest(@JsonUnwrapped @Valid Audience.Criteria audience,
                                     @Valid LinkMessageRequest message) {
    }

    record ReviseRequest(@NotNull MessageKind kind, @NotEmpty @Size(max = 40) List<@Valid TextRequest> texts,
                         @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE)
                         String fallbackLanguage) {
    }

    /**
     * When to send: {@code sendAt}, an instant, or {@code londonTime}, the time on the clocks in London (as a school
     * thinks of it: "Friday at 08:00"), one or the other.
     */
    record ScheduleRequest(Instant sendAt, LocalDateTime londonTime, @NotNull @Valid Audience.Criteria audience) {

        Instant moment() {
            if ((sendAt == null) == (londonTime == null)) {
                throw new InvalidFieldsException(List.of(new InvalidFieldsException.FieldProblem(
                        "sendAt", "give sendAt (an instant) or londonTime (London's clock), one of them")));
            }
            return sendAt != null ? sendAt : londonTime.atZone(SchoolTime.ZONE).toInstant();
        }
    }

    static List<MessageText> texts(List<TextRequest> requests) {
        return requests.stream().map(t -> new MessageText(Languages.normalise(t.language()), t.subject().strip(),
                                                          t.body().strip())).toList();
    }

    static String fallback(String requested, List<MessageText> texts) {
        return requested == null ? texts.get(0).language() : Languages.normalise(requested);
    }

    enum Outcome { TOLD, NOT_REACHED }

    /** @param note what came of it, for the school's record: no more personal detail than the task needs */
    record CompleteTaskRequest(@NotNull Outcome outcome, @Size(max = 1000) String note) {
    }

    record SettingsRequest(@NotNull DayOfWeek digestDay, @NotNull LocalTime digestTime,
                           @NotNull @Min(1) @Max(20) Integer weeklyLimit) {
    }

    /** @param carerId one carer, or none for the whole family */
    record DigestRequest(@NotNull Boolean digest, @Pattern(regexp = ID, message = ID_MESSAGE) String carerId) {
    }
}
