package org.homelink.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests each client may make.
 *
 * @param clients    per signed-in person or system (the token's subject)
 * @param anonymous  per address, for requests with no sign-in: the public paths, and those about to be refused
 * @param maxBuckets the most clients remembered at once, so that a flood of addresses cannot fill the memory
 */
@ConfigurationProperties("homelink.gateway.rate-limit")
record RateLimitSettings(Limit clients, Limit anonymous, long maxBuckets) {

    RateLimitSettings {
        if (clients == null || anonymous == null) {
            throw new IllegalArgumentException("homelink.gateway.rate-limit.clients and .anonymous must be set");
        }
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("homelink.gateway.rate-limit.max-buckets must be at least 1");
        }
    }

    /**
     * A token bucket: it holds {@code burst} requests and refills at {@code rate} a second.
     *
     * @param rate  requests a second, sustained; fractions allowed
     * @param burst requests at once, after a quiet spell
     */
    record Limit(double rate, int burst) {

        Limit {
            if (!(rate > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs a rate above 0 and a burst of at least 1");
            }
        }
    }
}
