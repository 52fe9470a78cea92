package org.homelink.partners.referrals.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.contracts.partners.DeclineReason;
import org.homelink.contracts.partners.ReferralOutcome;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;

/** What can be asked of a {@link Referral}; each command carries who asks and when. */
public final class ReferralCommands {

    private ReferralCommands() {
    }

    /** @param noteForPartner what the key worker wants the partner to know, written for the partner; or null */
    public record MakeReferral(@TargetAggregateIdentifier String referralId, String needId, String serviceId,
                               String noteForPartner, RequestContext actor, Instant at) {
    }

    public record OpenReferral(@TargetAggregateIdentifier String referralId, RequestContext actor, Instant at) {
    }

    public record AcceptReferral(@TargetAggregateIdentifier String referralId, RequestContext actor, Instant at) {
    }

    public record DeclineReferral(@TargetAggregateIdentifier String referralId, DeclineReason reason, String note,
                                  RequestContext actor, Instant at) {
    }

    public record CloseReferral(@TargetAggregateIdentifier String referralId, ReferralOutcome outcome, String note,
                                RequestContext actor, Instant at) {
    }
}
