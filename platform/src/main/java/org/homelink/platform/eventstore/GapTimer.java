package org.homelink.platform.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongPredicate;

/**
 * Remembers when each reserved-but-unwritten event position was first seen missing, so readers wait for a slow
 * writer for a bounded time and then skip the position, instead of waiting forever for a writer that died.
 * Shared by every reader in one process, so a gap costs one wait, not one per processor.
 */
final class GapTimer {

    private final Duration timeout;
    private final Clock clock;
    private final ConcurrentNavigableMap<Long, Instant> firstSeenMissing = new ConcurrentSkipListMap<>();

    GapTimer(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Notes, once, that every position from {@code from} to {@code to} that is not {@code present} is missing now. */
    void missing(long from, long to, LongPredicate present) {
        Instant now = clock.instant();
        for (long position = from; position <= to; position++) {
            if (!present.test(position)) {
                firstSeenMissing.putIfAbsent(position, now);
            }
        }
    }

    /** True once {@code position} has been missing for longer than the timeout. */
    boolean hasExpired(long position) {
        Instant now = clock.instant();
        Instant since = firstSeenMissing.computeIfAbsent(position, p -> now);
        return Duration.between(since, now).compareTo(timeout) >= 0;
    }

    /**
     * A reader has passed {@code position}: it and every position before it are filled, by their writers or by skip
     * markers, so stop timing them.
     */
    void passed(long position) {
        firstSeenMissing.headMap(position, true).clear();
    }
}
