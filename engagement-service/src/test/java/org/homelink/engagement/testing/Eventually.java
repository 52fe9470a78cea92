package org.homelink.engagement.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models are written by processors a moment after the event: a test that set something up through the log
 * waits here until it shows, and fails, saying what did not, if it never does.
 */
public final class Eventually {

    private static final Duration LONGEST = Duration.ofSeconds(20);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier shown) {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        while (!shown.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s in time", what).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
