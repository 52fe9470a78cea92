package org.homelink.partners.directory.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;

/**
 * What can be asked of a {@link PartnerOrganisation} and a {@link SupportService}. Documents are canonical Open
 * Referral JSON, already checked. Each command carries who asks and when; a change carries the version the caller
 * last read, or null to apply to whatever the record is now.
 */
public final class DirectoryCommands {

    private DirectoryCommands() {
    }

    public record RegisterOrganisation(@TargetAggregateIdentifier String organisationId, String name, String document,
                                       RequestContext actor, Instant at) {
    }

    /** The organisation as it now is: only what differs is recorded. */
    public record ReviseOrganisation(@TargetAggregateIdentifier String organisationId,
                                     @TargetAggregateVersion Long expectedVersion, String name, String document,
                                     RequestContext actor, Instant at) {
    }

    public record PublishService(@TargetAggregateIdentifier String serviceId, String organisationId, String document,
                                 Integer capacity, RequestContext actor, Instant at) {
    }

    /** The service as it now is: nothing is recorded when nothing differs. */
    public record ReviseService(@TargetAggregateIdentifier String serviceId,
                                @TargetAggregateVersion Long expectedVersion, String organisationId, String document,
                                Integer capacity, RequestContext actor, Instant at) {
    }
}
