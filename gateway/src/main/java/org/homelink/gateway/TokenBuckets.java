package org.homelink.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, all with the same limit, in memory. A bucket left alone long enough to be full again
 * is forgotten, since a new one would be the same; and no more than a set number are kept, the least recently used
 * going first, so that many one-off clients cannot exhaust the memory (a client forgotten that way starts again with
 * a full bucket).
 * <p>
 * Each gateway instance counts on its own: behind a load balancer with N instances a client may get up to N times
 * the limit.
 */
final class TokenBuckets {

    /** What a request took from its bucket. */
    record Take(boolean allowed, long remaining, Duration retryAfter) {
    }

    private final RateLimitSettings.Limit limit;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    TokenBuckets(RateLimitSettings.Limit limit, long maxBuckets, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        long nanosToFill = (long) Math.ceil(limit.burst() / limit.rate() * 1e9);
        this.buckets = Caffeine.newBuilder()
                               .maximumSize(maxBuckets)
                               .expireAfterAccess(Duration.ofNanos(nanosToFill))
                               .ticker(nanoTime::getAsLong)
                               .build();
    }

    Take take(String client) {
        long now = nanoTime.getAsLong();
        return buckets.get(client, key -> new Bucket(limit.burst(), now)).take(limit, now);
    }

    /** How many clients' buckets are held now, after any due eviction. */
    long bucketsHeld() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Take take(RateLimitSettings.Limit limit, long now) {
            tokens = Math.min(limit.burst(), tokens + Math.max(0, now - refilledAt) / 1e9 * limit.rate());
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Take(true, (long) tokens, Duration.ZERO);
            }
            return new Take(false, 0, Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.rate() * 1e9)));
        }
    }
}
