package org.homelink.partners.needs.command;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.partners.SupportNeedClosed;
import org.homelink.contracts.partners.SupportNeedRaised;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Support needs as raised, read from each need's own events: what a referral's command sees, with no lag. */
@Component
public class NeedRegister {

    private final EventStore eventStore;

    public NeedRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A need as it stands. */
    public record KnownNeed(SupportNeedRaised raised, NeedCircumstances circumstances, boolean open, long version) {
    }

    public Optional<KnownNeed> find(String needId) {
        KnownNeed known = null;
        for (var message : eventStore.readEvents(needId).asStream().toList()) {
            long version = message.getSequenceNumber();
            if (message.getPayload() instanceof SupportNeedRaised raised) {
                known = new KnownNeed(raised, null, true, version);
            } else if (known != null && message.getPayload() instanceof SupportNeedDescribed described) {
                known = new KnownNeed(known.raised(), described.circumstances(), known.open(), version);
            } else if (known != null && message.getPayload() instanceof SupportNeedClosed) {
                known = new KnownNeed(known.raised(), known.circumstances(), false, version);
            }
        }
        return Optional.ofNullable(known);
    }
}
