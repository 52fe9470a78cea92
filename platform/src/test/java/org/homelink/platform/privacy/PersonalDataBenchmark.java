package org.homelink.platform.privacy;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.homelink.contracts.engagement.MessageCopy;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.contracts.engagement.MessageSent;
import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.platform.testing.BenchmarkResults;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What encrypting personal data costs the event log: serializing and then deserializing one family's
 * {@code CarerAdded} (seven personal values), and one {@code MessageSent} of 1,000 copies (one personal value each,
 * under 1,000 families' keys), through the services' Jackson serializer and through it wrapped in
 * {@link PersonalDataSerializer}, in alternating rounds on the same JVM. Keys are cached, as they are in a running
 * service; the first use of each is not timed. Not a test: it runs only with {@code -Pbenchmarks}, and writes the
 * {@code personal-data} section of docs/benchmarks.md.
 */
@Tag("benchmark")
class PersonalDataBenchmark {

    private static final int ROUNDS = 7;
    private static final int WARM_UP_ROUNDS = 3;

    private record Measured(String event, int bytesPlain, int bytesSealed, double plainMicros, double sealedMicros) {
    }

    @Test
    void serializeAndDeserializeWithAndWithoutEncryption() {
        try (EventLogFixture store = new EventLogFixture(EmbeddedMongo.connectionString())) {
            JacksonSerializer plain = EventLogFixture.serializer();
            FamilyKeys keys = new FamilyKeys(store.database(), new PrivacySettings(Duration.ofMinutes(10), 10_000));
            PersonalDataSerializer sealed = PersonalDataSerializer.wrapping(plain, keys);

            List<Measured> results = List.of(measure("CarerAdded (7 personal values)", carer(), 20_000, plain, sealed),
                                             measure("MessageSent, 1,000 copies", message(1000), 40, plain, sealed));

            StringBuilder table = new StringBuilder()
                    .append("Last run: ").append(LocalDate.now()).append(", ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                    .append(System.getProperty("java.version"))
                    .append(". Median of ").append(ROUNDS).append(" rounds on each side, after ")
                    .append(WARM_UP_ROUNDS).append(" to warm up.\n\n")
                    .append("| event | stored, plain | stored, encrypted | serialize + deserialize, plain"
                            + " | encrypted | ratio |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
            for (Measured result : results) {
                table.append(String.format(Locale.ROOT, "| %s | %,d B | %,d B | %,.1f µs | %,.1f µs | %.2f× |%n",
                                           result.event(), result.bytesPlain(), result.bytesSealed(),
                                           result.plainMicros(), result.sealedMicros(),
                                           result.sealedMicros() / result.plainMicros()));
            }
            System.out.println(table);
            BenchmarkResults.writeSection(Path.of("../docs/benchmarks.md"), "personal-data", table.toString());
        }
    }

    private static Measured measure(String name, Object event, int repeats, Serializer plain, Serializer sealed) {
        int plainBytes = plain.serialize(event, String.class).getData().length();
        int sealedBytes = sealed.serialize(event, String.class).getData().length();
        double[] plainRounds = new double[ROUNDS];
        double[] sealedRounds = new double[ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            double plainMicros = microsPerRoundTrip(event, repeats, plain);
            double sealedMicros = microsPerRoundTrip(event, repeats, sealed);
            if (round >= 0) {
                plainRounds[round] = plainMicros;
                sealedRounds[round] = sealedMicros;
            }
        }
        return new Measured(name, plainBytes, sealedBytes, median(plainRounds), median(sealedRounds));
    }

    private static double microsPerRoundTrip(Object event, int repeats, Serializer serializer) {
        long start = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < repeats; i++) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            Object read = serializer.deserialize(stored);
            sink += read.hashCode();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return elapsed / 1000.0 / repeats;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static CarerAdded carer() {
        return new CarerAdded("6f0c2a7e-1d2e-4c1b-9a55-3b1f2c7d9e01", "demo-riverbend", Set.of("990101"),
                              "1d2e9a55-3b1f-4c1b-8d2e-6f0c2a7e9e02", "Amina Warsame", "mother", true,
                              "07700 900123", "amina.warsame@example.org",
                              new Address("1 Mill Lane", null, "Riverbend", "RB1 2CD"),
                              new ContactPreferences(ContactChannel.SMS, "so", true, true, null,
                                                     "Works nights; best after 2pm"),
                              "kw-17", Instant.parse("2025-09-03T09:15:00Z"));
    }

    private static MessageSent message(int copies) {
        List<MessageCopy> all = new ArrayList<>(copies);
        IntStream.range(0, copies).forEach(i -> all.add(new MessageCopy(
                "delivery-" + i, "990101", String.format("family-%04d", i), String.format("carer-%04d", i),
                MessageRoute.values()[i % MessageRoute.values().length], i % 3 == 0 ? "so" : "en")));
        return new MessageSent("message-1", "demo-riverbend", List.of("990101"), MessageKind.NEWSLETTER, "head-1",
                               Instant.parse("2025-09-03T09:15:00Z"), all);
    }
}
