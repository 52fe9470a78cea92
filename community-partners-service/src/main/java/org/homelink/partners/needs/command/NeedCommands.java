package org.homelink.partners.needs.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.contracts.partners.NeedResolution;
import org.homelink.contracts.partners.Urgency;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;

/** What can be asked of a {@link SupportNeed}; each command carries who asks and when. */
public final class NeedCommands {

    private NeedCommands() {
    }

    public record RaiseSupportNeed(@TargetAggregateIdentifier String needId, String familyId, String category,
                                   Urgency urgency, NeedCircumstances circumstances, RequestContext actor,
                                   Instant at) {
    }

    public record CloseSupportNeed(@TargetAggregateIdentifier String needId, NeedResolution resolution,
                                   RequestContext actor, Instant at) {
    }
}
