package org.homelink.platform.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers when each reserved-but-unwritten commit position was first seen missing, so readers wait for a slow
 * writer for a bounded time and then skip the position, instead of waiting forever for a writer that died.
 * Shared by every reader in one process, so a gap costs one wait, not one per processor.
 */
final class GapTimer {

    private final Duration timeout;
    private final Clock clock;
    private final ConcurrentMap<Long, Instant> firstSeenMissing = new ConcurrentHashMap<>();

    GapTimer(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Notes that {@code position} is missing now; true once it has been missing for longer than the timeout. */
    boolean hasExpired(long position) {
        Instant now = clock.instant();
        Instant since = firstSeenMissing.computeIfAbsent(position, p -> now);
        return Duration.between(since, now).compareTo(timeout) >= 0;
    }

    /** The position has been filled, by its writer or by a skip marker: stop timing it. */
    void filled(long position) {
        firstSeenMissing.remove(position);
    }
}
