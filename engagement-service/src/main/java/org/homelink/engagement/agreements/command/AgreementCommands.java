package org.homelink.engagement.agreements.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.contracts.engagement.AcknowledgementMethod;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementText;
import org.homelink.engagement.agreements.events.AgreementEvents.Recipient;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What can be asked of a {@link HomeSchoolAgreement}. Staff commands carry who asks ({@code actor}); a carer's
 * acknowledgement carries instead the hash of the personal link it came through.
 */
public final class AgreementCommands {

    private AgreementCommands() {
    }

    /** A version's content, as staff wrote it; languages already in their usual case. */
    public record Wording(String title, List<AgreementText> texts, String fallbackLanguage, String changes,
                          LocalDate takesEffect) {
    }

    /** The agreement of one school, or of several schools of the trust, with its first version. */
    public record AdoptAgreement(@TargetAggregateIdentifier String agreementId, List<String> schoolUrns,
                                 Wording wording, RequestContext actor, Instant at) {
    }

    public record PublishVersion(@TargetAggregateIdentifier String agreementId, Wording wording,
                                 RequestContext actor, Instant at) {
    }

    /** What publishing did: the version's number, and the agreement's version (its events so far). */
    public record Published(int version, long aggregateVersion) {
    }

    public record SendLinks(@TargetAggregateIdentifier String agreementId, List<Recipient> recipients,
                            String audience, RequestContext actor, Instant at) {
    }

    /**
     * What sending did.
     *
     * @param version    the version in force, which the links ask carers to acknowledge
     * @param recipients carers newly sent a link (others were sent one for this version already)
     */
    public record LinksSent(int version, List<Recipient> recipients, long aggregateVersion) {
    }

    /** @param version the version the carer read, or null for the one in force */
    public record AcknowledgeByLink(@TargetAggregateIdentifier String agreementId, String tokenHash, Integer version,
                                    Instant at) {
    }

    /**
     * A paper form or a conversation, recorded by staff.
     *
     * @param schoolUrn the agreement's school on whose roll the family is, and the caller acts for
     * @param version   the version acknowledged, or null for the one in force
     */
    public record RecordAcknowledgement(@TargetAggregateIdentifier String agreementId, String familyId,
                                        String carerId, String schoolUrn, Integer version,
                                        AcknowledgementMethod method, RequestContext actor, Instant at) {
    }

    /**
     * What an acknowledgement did.
     *
     * @param already true when the carer had acknowledged this version before: nothing new was recorded
     */
    public record Acknowledged(int version, boolean already, long aggregateVersion) {
    }
}
