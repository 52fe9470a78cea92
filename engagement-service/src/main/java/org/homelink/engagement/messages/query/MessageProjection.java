package org.homelink.engagement.messages.query;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.homelink.contracts.engagement.MessageCopy;
import org.homelink.contracts.engagement.MessageSent;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStep;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStepsRecorded;
import org.homelink.engagement.messages.events.MessageEvents.Held;
import org.homelink.engagement.messages.events.MessageEvents.MessageCancelled;
import org.homelink.engagement.messages.events.MessageEvents.MessageDrafted;
import org.homelink.engagement.messages.events.MessageEvents.MessageRevised;
import org.homelink.engagement.messages.events.MessageEvents.MessageRouted;
import org.homelink.engagement.messages.events.MessageEvents.MessageScheduled;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

/**
 * Messages and every copy's delivery: the message as staff see it with its copies counted by state, each copy's
 * state, the dispatcher's queue of copies still to hand over, each carer's app feed and each school's board of
 * staff tasks.
 * <p>
 * Idempotent and replayable: a message records the sequence number of its latest event applied; copies, queue
 * entries and feed items are keyed by the copy's id; boards and feeds change by set operations; a step moves a copy
 * only forward, so a step delivered again moves nothing. Counts move with the copies they count, after them: a stop
 * between the two leaves a count short until the next replay, the only thing a replay may change.
 */
@Component
@ProcessingGroup(MessageProjection.PROCESSING_GROUP)
public class MessageProjection {

    public static final String PROCESSING_GROUP = "engagement-messages";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT_UPDATE = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int CHUNK = 500;

    /** A message waiting for its time. */
    public record DueAt(@BsonId String messageId, Instant sendAt) {
    }

    /** A dispatcher's claim on a copy, until it lapses. */
    public record Claim(@BsonId String deliveryId, String batch, Instant until) {
    }

    /** The copies in one carer's feed, oldest first; or the open staff tasks of one school. */
    public record Index(@BsonId String id, List<String> deliveryIds) {
    }

    private final MongoCollection<MessageView> messages;
    private final MongoCollection<CopyView> copies;
    private final MongoCollection<QueuedCopy> queue;
    private final MongoCollection<FeedItem> feed;
    private final MongoCollection<Index> feeds;
    private final MongoCollection<Index> boards;
    private final MongoCollection<DueAt> schedule;
    private final MongoCollection<Claim> claims;

    @Autowired
    public MessageProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public MessageProjection(MongoDatabase database) {
        this.messages = database.getCollection("messages", MessageView.class);
        this.copies = database.getCollection("messageCopies", CopyView.class);
        this.queue = database.getCollection("deliveryQueue", QueuedCopy.class);
        this.feed = database.getCollection("feedItems", FeedItem.class);
        this.feeds = database.getCollection("feeds", Index.class);
        this.boards = database.getCollection("staffTaskBoards", Index.class);
        this.schedule = database.getCollection("messageSchedule", DueAt.class);
        this.claims = database.getCollection("deliveryClaims", Claim.class);
    }

    @EventHandler
    void on(MessageDrafted event, @SequenceNumber long sequence) {
        if (message(event.messageId()).isPresent()) {
            return;
        }
        messages.replaceOne(eq("_id", event.messageId()), new MessageView(
                event.messageId(), event.trustId(), event.schoolUrns(), event.kind(), event.texts(),
                event.fallbackLanguage(), "DRAFT", null, null, null, event.draftedBy(), event.draftedAt(), null, null,
                0, Map.of(), sequence), UPSERT);
    }

    @EventHandler
    void on(MessageRevised event, @SequenceNumber long sequence) {
        update(event.messageId(), sequence, m -> m.withTexts(event.kind(), event.texts(), event.fallbackLanguage(),
                                                             sequence));
    }

    @EventHandler
    void on(MessageScheduled event, @SequenceNumber long sequence) {
        update(event.messageId(), sequence, m -> {
            schedule.replaceOne(eq("_id", m.messageId()), new DueAt(m.messageId(), event.sendAt()), UPSERT);
            return m.withStage("SCHEDULED", event.sendAt(), event.audience(), event.scheduledBy(), sequence);
        });
    }

    @EventHandler
    void on(MessageCancelled event, @SequenceNumber long sequence) {
        update(event.messageId(), sequence, m -> {
            schedule.deleteOne(eq("_id", m.messageId()));
            return m.withStage("CANCELLED", null, null, null, sequence);
        });
    }

    @EventHandler
    void on(MessageSent event, @SequenceNumber long sequence) {
        update(event.messageId(), sequence, m -> {
            schedule.deleteOne(eq("_id", m.messageId()));
            // Queued with no time yet: the dispatcher takes none of them until MessageRouted has said which wait.
            List<WriteModel<CopyView>> copyWrites = new ArrayList<>();
            List<WriteModel<QueuedCopy>> queueWrites = new ArrayList<>();
            for (MessageCopy copy : event.copies()) {
                DeliveryRoute route = DeliveryRoute.valueOf(copy.route().name());
                copyWrites.add(new ReplaceOneModel<>(eq("_id", copy.deliveryId()), new CopyView(
                        copy.deliveryId(), m.messageId(), m.trustId(), copy.schoolUrn(), copy.familyId(),
                        copy.carerId(), route, copy.language(), DeliveryState.QUEUED, null, event.sentAt(), 0, null,
                        null, null, List.of(), false, null, event.sentAt()), UPSERT));
                queueWrites.add(new ReplaceOneModel<>(eq("_id", copy.deliveryId()), new QueuedCopy(
                        copy.deliveryId(), m.messageId(), copy.schoolUrn(), copy.familyId(), copy.carerId(), route,
                        copy.language(), null, null, 0, null, null), UPSERT));
            }
            inChunks(copyWrites, copies);
            inChunks(queueWrites, queue);
            return m.sent(event.sentBy(), event.sentAt(), event.copies().size(),
                          Map.of(DeliveryState.QUEUED.name(), event.copies().size()), sequence);
        });
    }

    @EventHandler
    void on(MessageRouted event, @SequenceNumber long sequence) {
        update(event.messageId(), sequence, m -> {
            List<WriteModel<CopyView>> copyWrites = new ArrayList<>();
            List<WriteModel<QueuedCopy>> queueWrites = new ArrayList<>();
            for (Held held : event.held()) {
                Bson waits = combine(set("heldFor", held.reason()), set("dueAt", held.until()));
                copyWrites.add(new UpdateOneModel<>(eq("_id", held.deliveryId()), waits));
                queueWrites.add(new UpdateOneModel<>(eq("_id", held.deliveryId()), waits));
            }
            inChunks(copyWrites, copies);
            inChunks(queueWrites, queue);
            // Whatever is not held goes now: the message's copies that still have no time.
            queue.updateMany(and(eq("messageId", m.messageId()), eq("dueAt", null)), set("dueAt", m.sentAt()));
            return m.at(sequence);
        });
    }

    @EventHandler
    void on(DeliveryStepsRecorded event) {
        for (int from = 0; from < event.steps().size(); from += CHUNK) {
            apply(event.steps().subList(from, Math.min(from + CHUNK, event.steps().size())));
        }
    }

    private void apply(List<DeliveryStep> steps) {
        Map<String, CopyView> known = new HashMap<>();
        ByIds.find(copies, steps.stream().map(DeliveryStep::deliveryId).toList(),
                   copy -> known.put(copy.deliveryId(), copy));
        List<WriteModel<CopyView>> copyWrites = new ArrayList<>();
        List<WriteModel<CopyView>> bundleWrites = new ArrayList<>();
        List<WriteModel<QueuedCopy>> queueWrites = new ArrayList<>();
        List<WriteModel<Claim>> released = new ArrayList<>();
        List<WriteModel<FeedItem>> feedWrites = new ArrayList<>();
        List<WriteModel<Index>> feedIndexWrites = new ArrayList<>();
        Map<String, List<String>> opened = new LinkedHashMap<>();
        Map<String, List<String>> closed = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (DeliveryStep step : steps) {
            CopyView copy = known.get(step.deliveryId());
            if (copy == null) {
                continue;
            }
            DeliveryState before = copy.state();
            boolean moves = DeliveryProgress.moves(before, step.state());
            boolean retry = step.state() == DeliveryState.QUEUED && step.attempt() > copy.attempts();
            boolean byStaff = step.by() != null;
            if (!moves && !retry && !byStaff) {
                continue; // applied before, or a receipt that came late
            }
            DeliveryState after = moves ? step.state() : before;
            boolean taskOpen = !byStaff && (copy.taskOpen() || opensTask(copy.route(), after));
            CopyView updated = new CopyView(
                    copy.deliveryId(), copy.messageId(), copy.trustId(), copy.schoolUrn(), copy.familyId(),
                    copy.carerId(), copy.route(), copy.language(), after, copy.heldFor(), copy.dueAt(),
                    Math.max(copy.attempts(), step.attempt()), step.reason() != null ? step.reason() : copy.reason(),
                    step.nextAttemptAt(), step.reference() != null ? step.reference() : copy.reference(),
                    copy.bundled(), taskOpen, byStaff ? step.by() : copy.taskClosedBy(),
                    moves ? step.at() : copy.updatedAt());
            known.put(copy.deliveryId(), updated);
            copyWrites.add(new ReplaceOneModel<>(eq("_id", copy.deliveryId()), updated));
            if (step.reference() != null && !step.reference().equals(copy.deliveryId())) {
                bundleWrites.add(new UpdateOneModel<>(eq("_id", step.reference()),
                                                    addToSet("bundled", copy.deliveryId())));
            }
            if ((moves && DeliveryProgress.handedOver(after)) || retry) {
                released.add(new DeleteOneModel<>(eq("_id", copy.deliveryId())));
            }
            if (moves && DeliveryProgress.handedOver(after)) {
                queueWrites.add(new DeleteOneModel<>(eq("_id", copy.deliveryId())));
            } else if (retry) {
                // Only over an older try: a redelivered step must not bring back a back-off already passed.
                queueWrites.add(new UpdateOneModel<>(
                        and(eq("_id", copy.deliveryId()), lt("attempts", step.attempt())),
                        combine(set("attempts", step.attempt()), set("dueAt", step.nextAttemptAt()),
                                unset("claim"), unset("claimedUntil"))));
            }
            if (copy.route() == DeliveryRoute.APP && moves && step.state() == DeliveryState.DELIVERED) {
                feedIndexWrites.add(new UpdateOneModel<>(eq("_id", feedKey(copy.familyId(), copy.carerId())),
                                                         addToSet("deliveryIds", copy.deliveryId()), UPSERT_UPDATE));
                feedWrites.add(new ReplaceOneModel<>(eq("_id", copy.deliveryId()), new FeedItem(
                        copy.deliveryId(), copy.messageId(), copy.trustId(), copy.schoolUrn(), copy.familyId(),
                        copy.carerId(), copy.language(), step.at(), null), UPSERT));
            } else if (copy.route() == DeliveryRoute.APP && moves && step.state() == DeliveryState.READ) {
                feedWrites.add(new UpdateOneModel<>(eq("_id", copy.deliveryId()), set("readAt", step.at())));
            }
            if (taskOpen != copy.taskOpen()) {
                (taskOpen ? opened : closed).computeIfAbsent(copy.schoolUrn(), school -> new ArrayList<>())
                                            .add(copy.deliveryId());
            }
            if (moves) {
                Map<String, Integer> delta = counts.computeIfAbsent(copy.messageId(), id -> new HashMap<>());
                delta.merge(before.name(), -1, Integer::sum);
                delta.merge(after.name(), 1, Integer::sum);
            }
        }
        // The copies after what hangs on them (queue, feed, boards): a command that waits for a copy's state to
        // answer (reading an item, closing a task) then finds the rest done too.
        write(queueWrites, queue);
        write(released, claims);
        write(feedWrites, feed);
        write(feedIndexWrites, feeds);
        // One write a school, not one a copy: a trust's message puts thousands of copies on the boards at once.
        opened.forEach((school, ids) -> boards.updateOne(eq("_id", school), addEachToSet("deliveryIds", ids),
                                                         UPSERT_UPDATE));
        closed.forEach((school, ids) -> boards.updateOne(eq("_id", school), pullAll("deliveryIds", ids)));
        write(copyWrites, copies);
        // After the copies: the copy a digest is known by is itself replaced above, with the bundle it had before.
        write(bundleWrites, copies);
        counts.forEach((messageId, delta) -> messages.updateOne(eq("_id", messageId), combine(
                delta.entrySet().stream().map(e -> inc("states." + e.getKey(), e.getValue())).toList())));
    }

    /**
     * An erased family's copies go, with everything that hangs on them: the queue and its claims, its carers' feeds,
     * the tasks on its schools' boards. Each message's counts lose them too, so that a message counts only copies
     * that are still someone's, as a replay counts them (it meets the erasure after the copies' last steps). Scheduled
     * messages no longer name the family in their audience.
     */
    @EventHandler
    void on(FamilyErased event) {
        String familyId = event.familyId();
        List<CopyView> erased = copies.find(eq("familyId", familyId)).into(new ArrayList<>());
        List<String> deliveryIds = erased.stream().map(CopyView::deliveryId).toList();
        for (int from = 0; from < deliveryIds.size(); from += CHUNK) {
            List<String> chunk = deliveryIds.subList(from, Math.min(from + CHUNK, deliveryIds.size()));
            claims.deleteMany(in("_id", chunk));
            boards.updateMany(in("deliveryIds", chunk), pullAll("deliveryIds", chunk));
        }
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        erased.forEach(copy -> counts.computeIfAbsent(copy.messageId(), id -> new HashMap<>())
                                     .merge(copy.state().name(), -1, Integer::sum));
        counts.forEach((messageId, delta) -> messages.updateOne(eq("_id", messageId), combine(Stream.concat(
                Stream.of(inc("copies", delta.values().stream().mapToInt(Integer::intValue).sum())),
                delta.entrySet().stream().map(e -> inc("states." + e.getKey(), e.getValue()))).toList())));
        queue.deleteMany(eq("familyId", familyId));
        feed.deleteMany(eq("familyId", familyId));
        feeds.deleteMany(in("_id", event.carerIds().stream().map(carer -> feedKey(familyId, carer)).toList()));
        copies.deleteMany(eq("familyId", familyId));
        messages.updateMany(eq("audience.familyIds", familyId), pull("audience.familyIds", familyId));
    }

    /** Routed to staff, once the dispatcher has put it on the board; or failed, to reach the carer another way. */
    private static boolean opensTask(DeliveryRoute route, DeliveryState state) {
        return state == DeliveryState.FAILED || (route == DeliveryRoute.STAFF && state == DeliveryState.SENT);
    }

    @ResetHandler
    void reset() {
        for (MongoCollection<?> collection : List.of(messages, copies, queue, feed, feeds, boards, schedule, claims)) {
            collection.deleteMany(new Document());
        }
    }

    public Optional<MessageView> message(String messageId) {
        return Optional.ofNullable(messages.find(eq("_id", messageId)).first());
    }

    public Map<String, MessageView> messages(Collection<String> messageIds) {
        Map<String, MessageView> found = new HashMap<>();
        ByIds.find(messages, Set.copyOf(messageIds), m -> found.put(m.messageId(), m));
        return found;
    }

    /** Every message of the trust, for the caller's view to narrow to their schools. */
    public List<MessageView> messagesOfTrust(String trustId) {
        return messages.find(eq("trustId", trustId)).into(new ArrayList<>());
    }

    public Optional<CopyView> copy(String deliveryId) {
        return Optional.ofNullable(copies.find(eq("_id", deliveryId)).first());
    }

    public List<CopyView> copies(Collection<String> deliveryIds) {
        List<CopyView> found = new ArrayList<>();
        ByIds.find(copies, deliveryIds, found::add);
        return found;
    }

    /** A message's copies; a trust's message has tens of thousands, so only for a report that pages over them. */
    public List<CopyView> copiesOf(String messageId) {
        return copies.find(eq("messageId", messageId)).batchSize(1000).into(new ArrayList<>());
    }

    /** The messages whose time has come. */
    public List<DueAt> due(Instant now) {
        return schedule.find(lte("sendAt", now)).into(new ArrayList<>());
    }

    /** The ids in a carer's feed, newest first. */
    public List<String> feedOf(String familyId, String carerId) {
        Index index = feeds.find(eq("_id", feedKey(familyId, carerId))).first();
        List<String> ids = index == null ? new ArrayList<>() : new ArrayList<>(index.deliveryIds());
        Collections.reverse(ids);
        return ids;
    }

    public List<FeedItem> feedItems(Collection<String> deliveryIds) {
        List<FeedItem> found = new ArrayList<>();
        ByIds.find(feed, deliveryIds, found::add);
        return found;
    }

    /** The copies of the school a member of staff is to reach the carer for. */
    public List<String> openTasks(String schoolUrn) {
        Index board = boards.find(eq("_id", schoolUrn)).first();
        return board == null ? List.of() : board.deliveryIds();
    }

    /**
     * Claims up to {@code size} copies due by {@code now} on these routes for one batch of a dispatcher until
     * {@code until}: a copy claimed by another batch whose claim has not lapsed is not taken.
     * <p>
     * A claim is a document keyed by the copy's id, so that two batches can never both insert it, and every write
     * of a claim is by id, which any store answers from its index (a filter over the queue per copy would read the
     * whole queue each time on the embedded store).
     */
    public List<QueuedCopy> claim(Set<DeliveryRoute> routes, Instant now, int size, String batch, Instant until) {
        claims.deleteMany(lt("until", now));
        List<String> candidates = new ArrayList<>();
        queue.withDocumentClass(Document.class)
             .find(and(lte("dueAt", now), in("route", routes.stream().map(Enum::name).toList()),
                       or(eq("claimedUntil", null), lt("claimedUntil", now))))
             .projection(Projections.include("_id")).limit(size)
             .forEach(copy -> candidates.add(copy.getString("_id")));
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<String> mine = new LinkedHashSet<>(candidates);
        try {
            claims.insertMany(candidates.stream().map(id -> new Claim(id, batch, until)).toList(),
                              new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException taken) {
            taken.getWriteErrors().forEach(error -> mine.remove(candidates.get(error.getIndex())));
        }
        if (mine.isEmpty()) {
            return List.of();
        }
        Bson claimed = combine(set("claim", batch), set("claimedUntil", until));
        write(mine.stream().<WriteModel<QueuedCopy>>map(id -> new UpdateOneModel<>(eq("_id", id), claimed)).toList(),
              queue);
        List<QueuedCopy> found = new ArrayList<>();
        ByIds.find(queue, mine, found::add);
        return found;
    }

    /** The message's version as this read model has applied it, or -1 before it has seen it. */
    public long versionOf(String messageId) {
        return message(messageId).map(MessageView::version).orElse(-1L);
    }

    private void update(String messageId, long sequence, UnaryOperator<MessageView> change) {
        MessageView message = messages.find(eq("_id", messageId)).first();
        if (message == null || message.version() >= sequence) {
            return; // applied before
        }
        messages.replaceOne(eq("_id", messageId), change.apply(message), UPSERT);
    }

    private static <T> void inChunks(List<WriteModel<T>> writes, MongoCollection<T> collection) {
        for (int from = 0; from < writes.size(); from += CHUNK) {
            write(writes.subList(from, Math.min(from + CHUNK, writes.size())), collection);
        }
    }

    private static <T> void write(List<WriteModel<T>> writes, MongoCollection<T> collection) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    private static String feedKey(String familyId, String carerId) {
        return familyId + "/" + carerId;
    }
}
