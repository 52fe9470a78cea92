package org.homelink.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets on a clock the test moves: the limit, the refill and the bounded memory. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** Two a second, five at once. */
    private final TokenBuckets buckets = new TokenBuckets(new RateLimitSettings.Limit(2, 5), 100, now::get);

    @Test
    void letsABurstThroughThenRefusesWithTheTimeToTheNextToken() {
        IntStream.range(0, 5).forEach(i -> assertThat(buckets.take("client-1"))
                .isEqualTo(new TokenBuckets.Take(true, 4 - i, Duration.ZERO)));

        TokenBuckets.Take refused = buckets.take("client-1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void leavesAnotherClientsBucketAlone() {
        IntStream.range(0, 6).forEach(i -> buckets.take("client-1"));

        assertThat(buckets.take("client-2").allowed()).isTrue();
    }

    @Test
    void refillsAtTheRateAndNoFurtherThanTheBurst() {
        IntStream.range(0, 5).forEach(i -> buckets.take("client-1"));

        advance(Duration.ofMillis(499));
        assertThat(buckets.take("client-1").allowed()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(buckets.take("client-1").allowed()).isTrue();
        assertThat(buckets.take("client-1").allowed()).isFalse();

        advance(Duration.ofHours(1));
        IntStream.range(0, 5).forEach(i -> assertThat(buckets.take("client-1").allowed()).isTrue());
        assertThat(buckets.take("client-1").allowed()).isFalse();
    }

    @Test
    void forgetsABucketOnceItWouldBeFullAgain() {
        buckets.take("client-1");
        advance(Duration.ofMillis(2400));
        assertThat(buckets.bucketsHeld()).isEqualTo(1);

        advance(Duration.ofMillis(200));

        assertThat(buckets.bucketsHeld()).isZero();
    }

    @Test
    void holdsNoMoreBucketsThanTheLimit() {
        IntStream.range(0, 1000).forEach(i -> buckets.take("address-" + i));

        assertThat(buckets.bucketsHeld()).isLessThanOrEqualTo(100);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
