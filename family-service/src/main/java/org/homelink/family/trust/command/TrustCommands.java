package org.homelink.family.trust.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.contracts.school.Phase;

/** What can be asked of a {@link Trust}. */
public final class TrustCommands {

    private TrustCommands() {
    }

    public record RegisterTrust(@TargetAggregateIdentifier String trustId, String name) {
    }

    public record RegisterSchool(@TargetAggregateIdentifier String trustId, String schoolUrn, String name,
                                 Phase phase, String postcode) {
    }
}
