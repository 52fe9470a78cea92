package org.homelink.engagement.agreements.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.homelink.contracts.engagement.AcknowledgementMethod;
import org.homelink.engagement.agreements.command.AgreementCommands.Wording;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementText;
import org.homelink.platform.web.Languages;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/** What staff and families send to the home-school agreements API. */
final class AgreementRequests {

    private AgreementRequests() {
    }

    /** The agreement in one language, written by people of the school: never a machine's translation. */
    record TextRequest(@NotBlank @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE) String language,
                       @NotBlank @Size(max = 20000) String text) {
    }

    /**
     * @param fallbackLanguage the language of the text shown to carers whose language has none
     * @param changes          what changed since the version before; needed from the second version on
     * @param takesEffect      the day it supersedes the version before
     */
    record VersionRequest(@NotBlank @Size(max = 200) String title,
                          @NotEmpty @Size(max = 30) List<@NotNull @Valid TextRequest> texts,
                          @NotBlank @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE)
                          String fallbackLanguage,
                          @Size(max = 2000) String changes,
                          @NotNull LocalDate takesEffect) {

        /** As the agreement keeps it: trimmed, and languages in their usual case so that each finds its readers. */
        Wording wording() {
            List<AgreementText> written = texts.stream()
                                               .map(t -> new AgreementText(Languages.normalise(t.language()),
                                                                           t.text().strip()))
                                               .toList();
            return new Wording(title.strip(), written, Languages.normalise(fallbackLanguage),
                               changes == null || changes.isBlank() ? null : changes.strip(), takesEffect);
        }
    }

    /** @param schoolUrns one school, or several of the trust: a trust's agreement */
    record AdoptAgreementRequest(@NotEmpty Set<@Pattern(regexp = URN, message = URN_MESSAGE) String> schoolUrns,
                                 @NotNull @Valid VersionRequest firstVersion) {
    }

    /** @param version the version acknowledged, or none for the one in force */
    record RecordAcknowledgementRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String familyId,
                                        @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String carerId,
                                        @NotNull AcknowledgementMethod method,
                                        @Positive Integer version) {
    }

    /** @param version the version the carer read, so that one superseded meanwhile is not taken as read */
    record LinkAcknowledgementRequest(@Positive Integer version) {
    }
}
