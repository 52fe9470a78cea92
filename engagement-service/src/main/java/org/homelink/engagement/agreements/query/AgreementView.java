package org.homelink.engagement.agreements.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.engagement.agreements.events.AgreementEvents;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A home-school agreement with every version published.
 *
 * @param versions every version, the first first
 * @param version  the sequence number of the agreement's latest event applied: its ETag
 */
public record AgreementView(@BsonId String agreementId, String trustId, List<String> schoolUrns,
                            List<Version> versions, String adoptedBy, Instant adoptedAt, long version) {

    public AgreementView {
        versions = versions == null ? List.of() : versions;
    }

    /** @param number 1 for the first version, one more with each */
    public record Version(int number, String title, List<AgreementText> texts, String fallbackLanguage,
                          String changes, LocalDate takesEffect, String publishedBy, Instant publishedAt) {

        /** The text in {@code language}, or else the fallback language's. */
        public AgreementText textIn(String language) {
            return texts.stream().filter(text -> text.language().equals(language)).findFirst()
                        .orElseGet(() -> texts.stream().filter(text -> text.language().equals(fallbackLanguage))
                                              .findFirst().orElseThrow());
        }
    }

    public Optional<Version> inForce(LocalDate day) {
        Map<Integer, LocalDate> dates = versions.stream().collect(Collectors.toMap(Version::number,
                                                                                   Version::takesEffect));
        return AgreementEvents.inForce(dates, day).stream().boxed().findFirst().flatMap(this::version);
    }

    public Optional<Version> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }
}
