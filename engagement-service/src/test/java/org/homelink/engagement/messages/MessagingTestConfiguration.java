package org.homelink.engagement.messages;

import org.homelink.engagement.messages.delivery.Channel;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.Handover;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the messages' HTTP tests run with: a clock they can move forward, and stand-ins for an email and an SMS
 * provider that answer by the address they are given. The stand-ins test the dispatcher's own logic (routes, retries,
 * back-off, failures); the real channels are tested against real servers where they are built. Test classes
 * that import it share one application when they also share its properties: a 100 ms dispatcher, back-off of one
 * then five minutes, three attempts.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MessagingTestConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ScriptedProvider emailProvider() {
        return new ScriptedProvider(DeliveryRoute.EMAIL);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ScriptedProvider smsProvider() {
        return new ScriptedProvider(DeliveryRoute.SMS);
    }

    /** The real time, moved on by what a test has added: it only goes forward, as time does. */
    public static class MovableClock extends Clock {
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            ahead.accumulateAndGet(by, Duration::plus);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * A provider that answers by the address: one starting {@code later} asks to be tried later every time, one
     * starting {@code later-N-} for the first N tries of a copy, one starting {@code never} is undeliverable; any other
     * is accepted. Keeps what it was handed.
     */
    public static class ScriptedProvider implements Channel {
        private final DeliveryRoute route;
        private final List<Outgoing> accepted = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> tries = new ConcurrentHashMap<>();

        ScriptedProvider(DeliveryRoute route) {
            this.route = route;
        }

        public List<Outgoing> accepted() {
            return accepted;
        }

        public int tries(String deliveryId) {
            return tries.getOrDefault(deliveryId, 0);
        }

        @Override
        public DeliveryRoute route() {
            return route;
        }

        @Override
        public Handover hand(Outgoing outgoing) {
            int tried = tries.merge(outgoing.deliveryId(), 1, Integer::sum);
            String address = outgoing.address();
            if (address.startsWith("never")) {
                return new Handover.Undeliverable("No such mailbox");
            }
            if (address.startsWith("later-")) {
                int refusals = Integer.parseInt(address.substring(6, address.indexOf('-', 6)));
                if (tried <= refusals) {
                    return new Handover.TryLater("Provider busy");
                }
            } else if (address.startsWith("later")) {
                return new Handover.TryLater("Provider down");
            }
            accepted.add(outgoing);
            return new Handover.Accepted("provider-" + outgoing.deliveryId(), false);
        }
    }
}
