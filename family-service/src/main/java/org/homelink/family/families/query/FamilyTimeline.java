package org.homelink.family.families.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.family.families.query.FamilyQueries.FindFamilyTimeline;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A family's history, read from the family's own events in the event store rather than from a projection of its
 * own. The log already is the history, in order, and the store reads one family's events by key however long the
 * log grows; a copy would be one more place holding a family's personal details for erasure to reach, and one more
 * thing to lag behind: reading the events shows every change that has been made, including the one just made. An
 * erased family has no timeline: what is left of its events (ids, and nulls where its personal details were) is
 * not shown.
 */
@Component
public class FamilyTimeline {

    private final EventStore eventStore;

    public FamilyTimeline(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * One change to the family.
     *
     * @param version    the family's version once it happened
     * @param type       the event's name, such as {@code BarrierRecorded}
     * @param occurredAt when it happened
     * @param event      the event as published
     */
    public record FamilyHistoryEntry(long version, String type, Instant occurredAt, FamilyEvent event) {
    }

    public record FamilyHistory(String familyId, List<FamilyHistoryEntry> entries) {
    }

    @QueryHandler
    public Optional<FamilyHistory> handle(FindFamilyTimeline query) {
        List<FamilyHistoryEntry> entries = eventStore.readEvents(query.familyId()).asStream()
                                        .filter(message -> message.getPayload() instanceof FamilyEvent)
                                        .map(FamilyTimeline::entry).toList();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        // Every event carries the family's trust and schools as they then stood: the latest is the family's now.
        FamilyEvent latest = entries.get(entries.size() - 1).event();
        if (latest instanceof FamilyErased || !query.actor().covers(latest.trustId(), latest.schoolUrns())) {
            return Optional.empty();
        }
        if (!SupportRecords.seenBy(query.actor())) {
            entries = entries.stream().filter(entry -> !SupportRecords.isSupportRecord(entry.event())).toList();
        }
        return Optional.of(new FamilyHistory(query.familyId(), entries));
    }

    private static FamilyHistoryEntry entry(DomainEventMessage<?> message) {
        return new FamilyHistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                         message.getTimestamp(), (FamilyEvent) message.getPayload());
    }
}
