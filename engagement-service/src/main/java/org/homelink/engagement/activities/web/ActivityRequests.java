package org.homelink.engagement.activities.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.engagement.Occurrence;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.engagement.SchoolTime;
import org.homelink.platform.web.Languages;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/** The bodies the activity API accepts, each checked field by field before anything is sent to an activity. */
final class ActivityRequests {

    private ActivityRequests() {
    }

    enum Every {
        WEEK(1),
        FORTNIGHT(2);

        private final int weeks;

        Every(int weeks) {
            this.weeks = weeks;
        }
    }

    /** A repeat: every week or fortnight, this many times in all (the first included). */
    record Repeat(@NotNull Every every, @NotNull @Min(2) @Max(52) Integer times) {
    }

    record ScheduleActivityRequest(
            @NotBlank @Pattern(regexp = URN, message = URN_MESSAGE) String schoolUrn,
            @NotNull ActivityKind kind,
            @Size(max = 80) String kindName,
            @NotBlank @Size(max = 120) String title,
            @Size(max = 2000) String description,
            @NotNull Instant start,
            @NotNull Instant end,
            @Valid Repeat repeat,
            @Size(max = 200) String place,
            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https link") String videoLink,
            @Positive @Max(10000) Integer capacity,
            Set<@Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE) String> interpreterLanguages,
            boolean crecheAvailable,
            @NotEmpty Set<@NotNull InvolvementType> involvementTypes,
            @Pattern(regexp = ID, message = ID_MESSAGE) String coHostOrganisationId) {

        List<Occurrence> occurrences() {
            List<Occurrence> occurrences = new ArrayList<>();
            int times = repeat == null ? 1 : repeat.times();
            // Schools keep local time: a weekly 9 o'clock coffee morning stays at 9 when the clocks change.
            ZonedDateTime first = start.atZone(SchoolTime.ZONE);
            ZonedDateTime firstEnd = end.atZone(SchoolTime.ZONE);
            for (int i = 0; i < times; i++) {
                int weeks = repeat == null ? 0 : i * repeat.every().weeks;
                occurrences.add(new Occurrence(i + 1, first.plusWeeks(weeks).toInstant(),
                                               firstEnd.plusWeeks(weeks).toInstant()));
            }
            return occurrences;
        }

        Set<String> languages() {
            return interpreterLanguages == null ? Set.of()
                    : Set.copyOf(interpreterLanguages.stream().map(Languages::normalise).toList());
        }
    }

    record RescheduleRequest(@NotNull Instant start, @NotNull Instant end, @Size(max = 500) String reason) {
    }

    record CancelRequest(@Positive Integer occurrence, @NotBlank @Size(max = 500) String reason) {
    }

    record AnswerRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String carerId,
                         @NotNull Answer answer,
                         Set<@NotNull WhatWouldHelp> wouldHelp) {
    }

    record CheckInRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String familyId,
                          @NotEmpty Set<@Pattern(regexp = ID, message = ID_MESSAGE) String> carerIds,
                          Set<@Pattern(regexp = ID, message = ID_MESSAGE) String> childIds) {
    }

    record OfferSlotsRequest(@Positive Integer occurrence,
                             @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String teacherId,
                             @NotBlank @Size(max = 100) String teacherName,
                             @NotNull Instant from,
                             @NotNull Instant to,
                             @NotNull @Min(5) @Max(60) Integer minutes) {
    }

    record BookSlotRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String familyId,
                           @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String carerId,
                           @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String childId) {
    }
}
