package org.homelink.engagement.agreements.events;

import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A home-school agreement's events, internal to engagement-service: no other service needs its text or who was sent
 * it. Only {@link org.homelink.contracts.engagement.AgreementAcknowledged} (that a carer acknowledged a version) is
 * published.
 */
public final class AgreementEvents {

    private AgreementEvents() {
    }

    /**
     * The version in force on {@code day}: of those that have taken effect by then, the one published last. Worked
     * out by the aggregate and the read model alike, so that a link shows the version its acknowledgement records.
     *
     * @param takesEffect each version's day it takes effect, by version
     */
    public static OptionalInt inForce(Map<Integer, LocalDate> takesEffect, LocalDate day) {
        return takesEffect.entrySet().stream().filter(version -> !version.getValue().isAfter(day))
                          .mapToInt(Map.Entry::getKey).max();
    }

    /** Every agreement event names its agreement: the stream it belongs to. */
    public interface AgreementEvent {
        String agreementId();
    }

    /** @param schoolUrns the schools whose families the agreement is for: one, or several of a trust */
    public record AgreementAdopted(String agreementId, String trustId, List<String> schoolUrns, String adoptedBy,
                                   Instant adoptedAt) implements AgreementEvent {
    }

    /** The agreement in one language, as people of the school wrote it (never a machine's translation). */
    public record AgreementText(String language, String text) {
    }

    /**
     * A version of the agreement: from {@code takesEffect} it supersedes every earlier one, and carers are asked to
     * acknowledge it. A version published later that takes effect sooner supersedes this one before it ever does.
     *
     * @param version          1 for the first, one more with each
     * @param texts            one per language, at least one
     * @param fallbackLanguage the language of the text shown to a carer whose language has none
     * @param changes          what changed since the version before, in words; null for the first
     * @param takesEffect      the school day it takes effect, in the UK's time
     */
    public record AgreementVersionPublished(String agreementId, int version, String title, List<AgreementText> texts,
                                            String fallbackLanguage, String changes, LocalDate takesEffect,
                                            String publishedBy, Instant publishedAt) implements AgreementEvent {
    }

    /**
     * A carer sent a personal link to acknowledge the agreement. The link itself is never stored: only its SHA-256
     * hash. It opens the version in force whenever it is used.
     *
     * @param familyId  the carer's family, whose key encrypts the language
     * @param schoolUrn the agreement's school on whose roll the family is
     * @param byStaff   the carer prefers spoken contact, or a visit or call: a member of staff tells them
     */
    public record Recipient(@DataSubject String familyId, String carerId, String schoolUrn, String tokenHash,
                            ContactChannel channel, @PersonalData String language, boolean byStaff) {
    }

    /** @param version the version in force when the links were sent, the one they ask the carers to acknowledge */
    public record AgreementLinksSent(String agreementId, int version, List<Recipient> recipients, String audience,
                                     String sentBy, Instant sentAt) implements AgreementEvent {
    }
}
