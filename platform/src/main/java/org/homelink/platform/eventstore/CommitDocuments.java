package org.homelink.platform.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/**
 * How commits, events and snapshots look as MongoDB documents.
 * <p>
 * One document holds every event of one unit of work, so a command's events are written all or none by a single
 * document insert, which MongoDB makes atomic on every deployment, the embedded server included:
 * <pre>
 * { _id: 42,                                  // the position of its first event
 *   positions: [42, 43],                      // every event's position in the dense global sequence: unique
 *   at: ISODate(...),                         // when it was written: for tokens at a point in time
 *   keys: ["family-7/3", "family-7/4"],       // aggregate/sequence of each domain event: unique, sparse
 *   events: [ { id, type, aggregate, seq, time, payloadType, revision, payload, metaData } ] }
 * </pre>
 * A position that a reader gave up waiting for is filled with {@code { _id: 44, positions: [44], at: ..., skipped:
 * true }}.
 */
final class CommitDocuments {

    static final String FIRST_POSITION = "_id";
    static final String POSITIONS = "positions";
    static final String AT = "at";
    static final String KEYS = "keys";
    static final String EVENTS = "events";
    static final String SKIPPED = "skipped";

    private static final String ID = "id";
    private static final String TYPE = "type";
    private static final String AGGREGATE = "aggregate";
    private static final String SEQ = "seq";
    private static final String TIME = "time";
    private static final String PAYLOAD_TYPE = "payloadType";
    private static final String REVISION = "revision";
    private static final String PAYLOAD = "payload";
    private static final String META_DATA = "metaData";

    private CommitDocuments() {
    }

    /** The event documents of one commit, serialized once so a retried insert does not serialize again. */
    static List<Document> eventDocuments(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> documents = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            documents.add(eventDocument(event, serializer));
        }
        return documents;
    }

    /** The unique key of every domain event in the commit, which is what makes concurrent appends collide. */
    static List<String> aggregateKeys(List<? extends EventMessage<?>> events) {
        List<String> keys = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                keys.add(aggregateKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()));
            }
        }
        return keys;
    }

    /** Aggregate identifiers may contain '/', sequence numbers never do, so the key is unambiguous. */
    static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /** The highest sequence number of {@code aggregateIdentifier} among a commit's keys, if it has any. */
    static OptionalLong highestSequence(Document commit, String aggregateIdentifier) {
        return commit.getList(KEYS, String.class).stream()
                     .filter(key -> key.lastIndexOf('/') == aggregateIdentifier.length()
                             && key.startsWith(aggregateIdentifier))
                     .mapToLong(key -> Long.parseLong(key.substring(aggregateIdentifier.length() + 1)))
                     .max();
    }

    static Document commit(long firstPosition, List<String> keys, List<Document> events) {
        Document commit = new Document(FIRST_POSITION, firstPosition)
                .append(POSITIONS, positions(firstPosition, events.size()))
                .append(AT, new Date());
        if (!keys.isEmpty()) {
            // Left out rather than empty: the unique index is sparse, and many commits without keys must coexist.
            commit.append(KEYS, keys);
        }
        return commit.append(EVENTS, events);
    }

    static Document skipped(long position) {
        return new Document(FIRST_POSITION, position).append(POSITIONS, List.of(position))
                                                     .append(AT, new Date()).append(SKIPPED, true);
    }

    static List<Long> positions(long firstPosition, int count) {
        return LongStream.range(firstPosition, firstPosition + count).boxed().toList();
    }

    static long firstPosition(Document commit) {
        return commit.get(FIRST_POSITION, Number.class).longValue();
    }

    static long lastPosition(Document commit) {
        return firstPosition(commit) + commit.getList(POSITIONS, Number.class).size() - 1;
    }

    static boolean holdsEvent(Document commit, String eventIdentifier) {
        List<Document> events = commit.getList(EVENTS, Document.class);
        return events != null && events.stream().anyMatch(event -> eventIdentifier.equals(event.getString(ID)));
    }

    static boolean isSkipped(Document commit) {
        return Boolean.TRUE.equals(commit.getBoolean(SKIPPED));
    }

    /** The events of a commit from {@code fromPosition} on, each tracked by its own position. */
    static List<TrackedEventData<?>> trackedEvents(Document commit, long fromPosition) {
        long position = firstPosition(commit);
        List<TrackedEventData<?>> tracked = new ArrayList<>();
        for (Document event : commit.getList(EVENTS, Document.class)) {
            if (position >= fromPosition) {
                tracked.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                                                         domainEntry(event)));
            }
            position++;
        }
        return tracked;
    }

    /** The events of a commit whose payload {@code matches}, as stored; none for a skip marker. */
    static List<StoredEvent> storedEvents(Document commit, Predicate<String> matches) {
        List<StoredEvent> found = new ArrayList<>();
        List<Document> events = commit.getList(EVENTS, Document.class);
        if (events == null) {
            return found;
        }
        long position = firstPosition(commit);
        for (Document event : events) {
            String payload = event.getString(PAYLOAD);
            if (payload != null && matches.test(payload)) {
                found.add(new StoredEvent(position, DateTimeUtils.parseInstant(event.getString(TIME)),
                                          event.getString(PAYLOAD_TYPE), event.getString(REVISION),
                                          event.getString(AGGREGATE), payload, event.getString(META_DATA)));
            }
            position++;
        }
        return found;
    }

    /** The events of one aggregate in a commit, from {@code firstSequenceNumber} on. */
    static List<DomainEventData<?>> domainEvents(Document commit, String aggregateIdentifier,
                                                 long firstSequenceNumber) {
        List<DomainEventData<?>> events = new ArrayList<>();
        for (Document event : commit.getList(EVENTS, Document.class)) {
            if (aggregateIdentifier.equals(event.getString(AGGREGATE)) && sequenceOf(event) >= firstSequenceNumber) {
                events.add(domainEntry(event));
            }
        }
        return events;
    }

    static Document snapshotDocument(DomainEventMessage<?> snapshot, Serializer serializer) {
        return eventDocument(snapshot, serializer).append("_id", snapshot.getAggregateIdentifier());
    }

    static DomainEventData<?> snapshotEntry(Document snapshot) {
        return domainEntry(snapshot);
    }

    static long sequenceOf(Document event) {
        Number seq = event.get(SEQ, Number.class);
        return seq == null ? 0L : seq.longValue();
    }

    private static Document eventDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document document = new Document(ID, event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domainEvent) {
            document.append(TYPE, domainEvent.getType())
                    .append(AGGREGATE, domainEvent.getAggregateIdentifier())
                    .append(SEQ, domainEvent.getSequenceNumber());
        }
        return document.append(TIME, DateTimeUtils.formatInstant(event.getTimestamp()))
                       .append(PAYLOAD_TYPE, payload.getType().getName())
                       .append(REVISION, payload.getType().getRevision())
                       .append(PAYLOAD, payload.getData())
                       .append(META_DATA, metaData.getData());
    }

    /** An event published outside any aggregate has no aggregate: Axon then reads it as a plain event. */
    private static DomainEventData<?> domainEntry(Document event) {
        return new GenericDomainEventEntry<>(
                event.getString(TYPE), event.getString(AGGREGATE), sequenceOf(event), event.getString(ID),
                event.getString(TIME), event.getString(PAYLOAD_TYPE), event.getString(REVISION),
                event.getString(PAYLOAD), event.getString(META_DATA));
    }
}
