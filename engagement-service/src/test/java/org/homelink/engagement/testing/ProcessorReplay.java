package org.homelink.engagement.testing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator does to rebuild read models: reset their processors' tokens, and wait for the replay. */
public final class ProcessorReplay {

    private ProcessorReplay() {
    }

    /** Resets the processors of these processing groups and waits until each has caught up with the log again. */
    public static void fromTheStart(EventProcessingConfiguration processing, EventStore eventStore,
                                    String... groups) {
        long head = eventStore.createHeadToken().position().orElseThrow();
        List<TrackingEventProcessor> processors = new ArrayList<>();
        for (String group : groups) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                                                         .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            processors.add(processor);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (TrackingEventProcessor processor : processors) {
            // Started (its segment claimed), and caught up with where the log stood at the reset. (A replay
            // ends, in Axon's words, only with the first event after it, which the tests do not append.)
            while (processor.processingStatus().isEmpty() || processor.processingStatus().values().stream()
                    .anyMatch(status -> !status.isCaughtUp()
                                        || status.getCurrentPosition().orElse(-1) < head)) {
                assertThat(System.nanoTime()).as("replay of %s finished in time", processor.getName())
                                             .isLessThan(deadline);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
