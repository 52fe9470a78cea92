package org.homelink.engagement.messages.dispatch;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.homelink.contracts.engagement.MessageDelivered;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.engagement.messages.delivery.Channel;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.delivery.Handover;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStep;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStepsRecorded;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.messages.query.MessageView;
import org.homelink.engagement.messages.query.PendingLinks;
import org.homelink.engagement.messages.query.QueuedCopy;
import org.homelink.engagement.messages.query.RecipientDirectory;
import org.homelink.engagement.messages.query.RecipientDirectory.CarerAddress;
import org.homelink.platform.audit.SystemWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Hands each copy that is due to its route's channel, in small batches, and records what came of it.
 * <p>
 * Each batch claims its copies in the work queue until a lease runs out, so that two instances never hand one copy
 * over and a crashed instance's copies go with another once its lease has lapsed. A channel's answer becomes a step:
 * accepted is SENT (DELIVERED when taking it is delivering it); "try later" is tried again after the back-off, and
 * after the last attempt is FAILED; undeliverable is FAILED at once. A failed copy is never dropped: it shows on the
 * message's report and on the school's board of staff tasks. A batch's steps are one event.
 * <p>
 * Copies held for a digest are handed over together, one hand-over per carer and route, known to the provider by
 * the first copy's id.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<DeliveryRoute, Channel> channels = new EnumMap<>(DeliveryRoute.class);
    private final MessageProjection projection;
    private final RecipientDirectory directory;
    private final PendingLinks links;
    private final EventBus events;
    private final Clock clock;
    private final List<Duration> backOff;
    private final int maxAttempts;
    private final int batchSize;
    private final Duration lease;
    private final ExecutorService handing;
    /**
     * Claimed whether or not a channel serves them here: a copy for a route with none is tried as for a provider
     * that is down, so it is retried and, after the last attempt, becomes a staff task rather than waiting unseen.
     */
    private static final Set<DeliveryRoute> EVERY_ROUTE = EnumSet.allOf(DeliveryRoute.class);

    Dispatcher(List<Channel> channels, MessageProjection projection, RecipientDirectory directory, PendingLinks links,
               EventBus events, Clock clock,
               @Value("${homelink.engagement.messages.retry-back-off:1m,5m,30m,2h,12h}") List<Duration> backOff,
               @Value("${homelink.engagement.messages.max-attempts:6}") int maxAttempts,
               @Value("${homelink.engagement.messages.batch-size:500}") int batchSize,
               @Value("${homelink.engagement.messages.lease:5m}") Duration lease,
               @Value("${homelink.engagement.messages.parallel-hand-overs:8}") int parallelHandOvers) {
        // Spring gives the channels in their @Order: the first for a route serves it, so a deployment (or a test)
        // can put its own channel before the one built in.
        for (Channel channel : channels) {
            Channel first = this.channels.putIfAbsent(channel.route(), channel);
            if (first != null) {
                log.info("Route {} is served by {}, not {}", channel.route(), first.getClass().getName(),
                         channel.getClass().getName());
            }
        }
        for (DeliveryRoute route : DeliveryRoute.values()) {
            if (!this.channels.containsKey(route)) {
                log.warn("No channel serves {} here: its copies wait, retried, until one is set up", route);
            }
        }
        if (backOff.isEmpty() || maxAttempts < 1) {
            throw new IllegalStateException("Retries need a back-off and at least one attempt");
        }
        this.projection = projection;
        this.directory = directory;
        this.links = links;
        this.events = events;
        this.clock = clock;
        this.backOff = List.copyOf(backOff);
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.lease = lease;
        if (parallelHandOvers < 1) {
            throw new IllegalStateException("homelink.engagement.messages.parallel-hand-overs is at least 1");
        }
        this.handing = Executors.newFixedThreadPool(parallelHandOvers, runnable -> {
            Thread thread = new Thread(runnable, "message-hand-over");
            thread.setDaemon(true);
            return thread;
        });
        log.info("Delivering messages by {}", this.channels.keySet());
    }

    @Scheduled(fixedDelayString = "${homelink.engagement.messages.dispatch-every:1s}",
               initialDelayString = "${homelink.engagement.messages.dispatch-every:1s}")
    void everyFewSeconds() {
        try {
            SystemWork.run("message-dispatch", this::dispatchDue);
        } catch (RuntimeException e) {
            // The claims lapse and the next round takes the copies again: a store that is down loses nothing.
            log.warn("Dispatching messages stopped for this round", e);
        }
    }

    /** Hands over every copy due now, batch by batch; answers how many copies were handed over. */
    public int dispatchDue() {
        int handed = 0;
        while (true) {
            Instant now = clock.instant();
            List<QueuedCopy> batch = projection.claim(EVERY_ROUTE, now, batchSize, UUID.randomUUID().toString(),
                                                      now.plus(lease));
            if (batch.isEmpty()) {
                return handed;
            }
            hand(batch, now);
            handed += batch.size();
        }
    }

    private void hand(List<QueuedCopy> batch, Instant now) {
        Map<String, MessageView> messages = projection.messages(batch.stream().map(QueuedCopy::messageId).toList());
        Map<String, CarerAddress> addresses = directory.addresses(
                batch.stream().filter(c -> c.route() == DeliveryRoute.EMAIL || c.route() == DeliveryRoute.SMS)
                     .map(c -> RecipientDirectory.key(c.familyId(), c.carerId())).toList());
        Map<String, String> personal = links.links(batch.stream()
                .filter(c -> PendingLinks.asksForLink(messages.get(c.messageId()).textIn(c.language()).body()))
                .map(Dispatcher::linkKey).toList());
        // One hand-over per copy, except that a carer's held copies on one route go together as their digest.
        Map<String, List<QueuedCopy>> handOvers = batch.stream().collect(Collectors.groupingBy(
                c -> c.heldFor() == null ? c.deliveryId() : c.familyId() + "/" + c.carerId() + "/" + c.route(),
                LinkedHashMap::new, Collectors.toList()));
        List<DeliveryStep> steps = new ArrayList<>();
        List<EventMessage<?>> delivered = new ArrayList<>();
        // A channel mostly waits on the network (an SMTP server's answer, an SMS provider's): several hand-overs at
        // once, each copy still handed over once, since this instance holds the claim on the whole batch.
        List<List<QueuedCopy>> groups = List.copyOf(handOvers.values());
        List<CompletableFuture<Handover>> answers = groups.stream().map(copies -> CompletableFuture.supplyAsync(
                () -> handOver(copies.get(0), copies, messages, addresses, personal), handing)).toList();
        List<String> handedLinks = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<QueuedCopy> copies = groups.get(i);
            QueuedCopy first = copies.get(0);
            Handover handover = answers.get(i).join();
            String reference = copies.size() > 1 ? first.deliveryId() : null;
            for (QueuedCopy copy : copies) {
                DeliveryStep step = step(copy, handover, reference, now);
                steps.add(step);
                if (handedOver(copy, step) && personal.containsKey(linkKey(copy))) {
                    handedLinks.add(linkKey(copy));
                }
                if (step.state() == DeliveryState.DELIVERED) {
                    MessageView message = messages.get(copy.messageId());
                    delivered.add(GenericEventMessage.asEventMessage(new MessageDelivered(
                            copy.deliveryId(), copy.messageId(), message.trustId(), copy.schoolUrn(),
                            copy.familyId(), copy.carerId(), MessageRoute.valueOf(copy.route().name()), now)));
                }
            }
        }
        List<EventMessage<?>> recorded = new ArrayList<>(delivered.size() + 1);
        recorded.add(GenericEventMessage.asEventMessage(new DeliveryStepsRecorded(steps)));
        recorded.addAll(delivered);
        events.publish(recorded);
        // Only once the steps are recorded: a crash before it hands the copy over again, with its link.
        links.forget(handedLinks);
        log.debug("Handed over {} copies in {} hand-overs", batch.size(), handOvers.size());
    }

    @PreDestroy
    void stopHandingOver() {
        handing.shutdownNow();
    }

    private Handover handOver(QueuedCopy first, List<QueuedCopy> copies, Map<String, MessageView> messages,
                              Map<String, CarerAddress> addresses, Map<String, String> personal) {
        String address = switch (first.route()) {
            case EMAIL, SMS -> {
                CarerAddress known = addresses.get(RecipientDirectory.key(first.familyId(), first.carerId()));
                yield known == null ? null : first.route() == DeliveryRoute.EMAIL ? known.email() : known.phone();
            }
            case APP, STAFF -> first.carerId();
        };
        if (address == null) {
            return new Handover.Undeliverable("No address on record for the carer's channel");
        }
        StringBuilder body = new StringBuilder();
        String subject = null;
        for (QueuedCopy copy : copies) {
            MessageText text = messages.get(copy.messageId()).textIn(copy.language());
            String filled = text.body();
            if (PendingLinks.asksForLink(filled)) {
                String link = personal.get(linkKey(copy));
                if (link == null) {
                    // Never a literal mark in a carer's text: staff see the failure and give the link another way.
                    return new Handover.Undeliverable("No personal link");
                }
                filled = PendingLinks.fill(filled, Optional.of(link));
            }
            subject = subject == null ? text.subject() : subject;
            if (copies.size() > 1) {
                body.append(text.subject()).append("\n\n");
            }
            body.append(filled).append(copies.size() > 1 ? "\n\n" : "");
        }
        if (copies.size() > 1) {
            subject = subject + " (+" + (copies.size() - 1) + ")";
        }
        Outgoing outgoing = new Outgoing(first.deliveryId(), first.messageId(), first.schoolUrn(), address,
                                         first.language(), subject, body.toString().strip());
        Channel channel = channels.get(first.route());
        if (channel == null) {
            // Email or SMS not set up on this installation (the local run sends nothing): the copy waits as for a
            // provider that is down, so that setting the channel up sends what waited, and after the last attempt
            // it becomes a staff task like any other failure.
            return new Handover.TryLater("No " + first.route() + " channel is set up");
        }
        try {
            return channel.hand(outgoing);
        } catch (RuntimeException e) {
            // A channel should answer rather than throw; one that throws is treated as a provider that is down.
            // Its class only: a provider's message may quote the address.
            log.warn("Channel {} threw {} for copy {}", first.route(), e.getClass().getName(), first.deliveryId());
            return new Handover.TryLater("The channel failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Whether the copy's link has done its work: handed to a provider outside (email, SMS), or failed for good. The
     * app feed keeps it while the item is in the feed, and a staff task until it is closed.
     */
    private static boolean handedOver(QueuedCopy copy, DeliveryStep step) {
        boolean outside = copy.route() == DeliveryRoute.EMAIL || copy.route() == DeliveryRoute.SMS;
        return step.state() == DeliveryState.FAILED || outside && step.state() != DeliveryState.QUEUED;
    }

    private static String linkKey(QueuedCopy copy) {
        return PendingLinks.key(copy.messageId(), copy.familyId(), copy.carerId());
    }

    private DeliveryStep step(QueuedCopy copy, Handover handover, String reference, Instant now) {
        int attempt = copy.attempts() + 1;
        DeliveryState state;
        String reason = null;
        Instant next = null;
        if (handover instanceof Handover.Accepted accepted) {
            state = accepted.delivered() ? DeliveryState.DELIVERED : DeliveryState.SENT;
        } else if (handover instanceof Handover.Undeliverable refused) {
            state = DeliveryState.FAILED;
            reason = refused.reason();
        } else {
            reason = ((Handover.TryLater) handover).reason();
            state = attempt >= maxAttempts ? DeliveryState.FAILED : DeliveryState.QUEUED;
            next = state == DeliveryState.FAILED ? null : now.plus(backOff.get(Math.min(attempt, backOff.size()) - 1));
        }
        return new DeliveryStep(copy.deliveryId(), copy.messageId(), state, attempt, reason, next, null, reference,
                                now);
    }
}
