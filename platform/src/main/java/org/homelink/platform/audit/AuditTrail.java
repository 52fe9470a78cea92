package org.homelink.platform.audit;

import org.bson.Document;
import org.homelink.platform.web.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Records requests in the audit trail without making them wait for the store: {@link #record} puts the request on a
 * bounded queue, and one writer thread takes whatever has gathered, files each request under its families, schools
 * or trust, and appends to each bucket once per batch. Under load, batches grow by themselves; when quiet, each
 * request is written at once.
 * <p>
 * Nothing is lost without a word. While the store is down the writer keeps its batch and tries again, and the queue
 * fills; a request that finds it full waits up to {@code waitWhenFull} for room, and if there is still none its
 * entry is counted ({@link #dropped()}, the metric {@code homelink.audit.dropped}) and an error is logged: a service
 * that cannot keep its audit trail should be seen, not stopped. {@link #close()} writes everything queued before
 * the service stops, trying for up to {@code closeTimeout}; anything it could not write is counted and logged too.
 */
public class AuditTrail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final long DROP_LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(5);

    private final AuditStore store;
    private final FamilyScopes scopes;
    private final String service;
    private final BlockingQueue<AuditedRequest> queue;
    private final int batchSize;
    private final Duration waitWhenFull;
    private final Duration closeTimeout;
    private final Thread writer;
    /** Held to offer, taken to close: nothing is queued once the writer has been told to finish. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceLogged = new AtomicLong();
    private volatile boolean closed;
    private volatile long closeDeadline;
    private volatile long lastDropLogged = System.nanoTime() - DROP_LOG_EVERY_NANOS;
    private volatile String lastDropReason;

    AuditTrail(AuditStore store, FamilyScopes scopes, String service, AuditSettings settings) {
        this.store = store;
        this.scopes = scopes;
        this.service = service;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.batchSize = settings.batchSize();
        this.waitWhenFull = settings.waitWhenFull();
        this.closeTimeout = settings.closeTimeout();
        this.writer = new Thread(this::writeUntilClosed, "audit-trail-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a request to be written; waits only when the queue is full, and then only briefly. */
    public void record(AuditedRequest request) {
        closing.readLock().lock();
        try {
            if (!closed && queue.offer(request, waitWhenFull.toNanos(), TimeUnit.NANOSECONDS)) {
                accepted.incrementAndGet();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closing.readLock().unlock();
        }
        drop(1, closed ? "the service is stopping" : "the queue is full");
    }

    /** Waits until every request recorded before this call is written (or given up); false if it took too long. */
    public boolean flush(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (settled.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Entries that could not be written, since the service started. */
    public long dropped() {
        return dropped.get();
    }

    /** Requests waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** Writes everything queued, trying for up to {@code closeTimeout}, then stops the writer. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            closeDeadline = System.nanoTime() + closeTimeout.toNanos();
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        try {
            writer.join(closeTimeout.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
        }
        int left = queue.size();
        if (left > 0) {
            queue.clear();
            drop(left, "the service stopped before they could be written");
        }
    }

    private void writeUntilClosed() {
        List<AuditedRequest> batch = new ArrayList<>(batchSize);
        while (true) {
            AuditedRequest first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            logDropsIfDue();
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, batchSize - 1);
            if (!writeWithRetries(batch)) {
                drop(batch.size(), "the store could not be reached before the service stopped");
            }
            settled.addAndGet(batch.size());
            batch.clear();
        }
    }

    /** Writes a batch, trying again while the store is down; false only when stopping and out of time. */
    private boolean writeWithRetries(List<AuditedRequest> batch) {
        Map<String, List<Document>> unwritten = null;
        Duration backOff = Duration.ofMillis(100);
        while (true) {
            try {
                if (unwritten == null) {
                    unwritten = byBucket(batch);
                }
                // What is written is taken out of it: a retry must not append the same entries twice.
                store.append(unwritten);
                return true;
            } catch (RuntimeException e) {
                // The type only: a driver's message may quote the entries.
                log.warn("Audit entries not written yet ({}); trying again in {} ms", e.getClass().getName(),
                         backOff.toMillis());
                if (closed && System.nanoTime() + backOff.toNanos() > closeDeadline) {
                    return false;
                }
                try {
                    Thread.sleep(backOff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF
                                                                                   : backOff.multipliedBy(2);
            }
        }
    }

    private Map<String, List<Document>> byBucket(List<AuditedRequest> batch) {
        Set<String> familyIds = new LinkedHashSet<>();
        batch.forEach(request -> familyIds.addAll(request.familyIds()));
        Map<String, FamilyScopes.FamilyScope> known = scopes == null || familyIds.isEmpty()
                ? Map.of() : scopes.of(familyIds);
        Map<String, List<Document>> byBucket = new LinkedHashMap<>();
        for (AuditedRequest request : batch) {
            AuditEntry entry = file(request, known);
            Document document = AuditDocuments.toDocument(entry);
            for (String bucket : AuditBuckets.of(entry)) {
                byBucket.computeIfAbsent(bucket, b -> new ArrayList<>()).add(document);
            }
        }
        return byBucket;
    }

    /**
     * The entry, filed under the trust and schools it concerns: its families' where this service knows them (narrowed
     * to the school the request named, when that is one of theirs), else the school the request named, else the
     * caller's schools; none for a trust leader's request across the trust.
     */
    AuditEntry file(AuditedRequest request, Map<String, FamilyScopes.FamilyScope> known) {
        RequestContext caller = request.caller();
        List<FamilyScopes.FamilyScope> families = request.familyIds().stream().map(known::get)
                                                         .filter(Objects::nonNull).toList();
        String trustId;
        Collection<String> schools;
        if (!families.isEmpty()) {
            trustId = families.get(0).trustId();
            schools = new TreeSet<>();
            for (FamilyScopes.FamilyScope family : families) {
                if (Objects.equals(trustId, family.trustId())) {
                    schools.addAll(family.schoolUrns());
                }
            }
            if (request.requestSchool() != null && schools.contains(request.requestSchool())) {
                schools = List.of(request.requestSchool());
            }
        } else {
            trustId = caller.trustId();
            schools = request.requestSchool() != null ? List.of(request.requestSchool())
                    : caller.isTrustLeader() ? List.of() : new TreeSet<>(caller.schoolUrns());
        }
        return new AuditEntry(request.at(), service, request.route(), request.parameters(), request.status(),
                              new AuditEntry.Caller(caller.role().claimValue(), caller.staffId(), caller.trustId(),
                                                    caller.organisationId()),
                              request.familyIds(), trustId, List.copyOf(schools), request.listed());
    }

    private void drop(long entries, String why) {
        dropped.addAndGet(entries);
        droppedSinceLogged.addAndGet(entries);
        lastDropReason = why;
        logDropsIfDue();
    }

    /**
     * An error for every entry would bury the log just when it is needed: one every few seconds at most, with the
     * counts. The writer looks every time round, so the last drops are logged even if no more follow.
     */
    private void logDropsIfDue() {
        long now = System.nanoTime();
        if (droppedSinceLogged.get() > 0 && (now - lastDropLogged >= DROP_LOG_EVERY_NANOS || closed)) {
            lastDropLogged = now;
            long unlogged = droppedSinceLogged.getAndSet(0);
            log.error("{} audit entries were not recorded because {} ({} since the service started)", unlogged,
                      lastDropReason, dropped.get());
        }
    }
}
