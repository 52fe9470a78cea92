package org.homelink.engagement.benchmark;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.engagement.messages.channels.StandInSmsProvider;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.messages.query.MessageView;
import org.homelink.engagement.messages.query.RecipientDirectory;
import org.homelink.engagement.messages.query.RecipientDirectory.CarerAddress;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.Staff;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.testing.BenchmarkResults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.DEFINED_PORT;

/**
 * One message to a trust's 30,000 carers (50 schools of 600 families, one carer each), through HTTP on the embedded
 * in-memory store (not a test: it runs only with {@code -Pbenchmarks}). It times the send command's answer, and from
 * the command until every copy has a delivery state past QUEUED as the message's read model counts them; and the
 * heap in use. Routes are mixed as a trust's would be, each through its real channel: email to an SMTP server in
 * this JVM (GreenMail), texts to an SMS provider on the loopback that sends a signed receipt back through the webhook
 * for each, the app feed, and staff tasks. Results go to the {@code messages} section of docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = DEFINED_PORT, properties = {
        "homelink.engagement.messages.dispatch-every=200ms",
        "homelink.engagement.messages.email.from=newsletter@trust.example",
        "homelink.engagement.messages.sms.api-key=benchmark-key",
        "homelink.engagement.messages.sms.sender=Trust",
        "homelink.engagement.messages.sms.webhook-secret=" + MessageSendBenchmark.SECRET})
@ActiveProfiles("test")
class MessageSendBenchmark {

    static final String SECRET = "benchmark-receipts-secret";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final StandInSmsProvider provider = StandInSmsProvider.started(SECRET);
    private static final int port = StandInSmsProvider.freePort();

    @DynamicPropertySource
    static void pointAtTheServers(DynamicPropertyRegistry registry) {
        provider.pointTheServiceHere(registry, port, () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopTheProvider() {
        provider.close();
    }

    private static final int SCHOOLS = 50;
    private static final int FAMILIES_PER_SCHOOL = 600;
    private static final int CARERS = SCHOOLS * FAMILIES_PER_SCHOOL;
    private static final String TRUST = "message-benchmark-trust";
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "so", "pl", "ur", "ar", "ro",
            "pa", "bn"};

    @Autowired
    private MongoClient client;
    @Autowired
    private MongoSettings mongo;
    @Autowired
    private MessageProjection messages;
    @Autowired
    private TestRestTemplate http;

    @Test
    void measure() {
        provider.reportsEachText("delivered");
        List<String> schools = load();
        Api api = new Api(http);
        HttpHeaders leader = Staff.at(TRUST, "trust-leader", "ceo");
        ResponseEntity<String> drafted = api.post("/api/engagement/messages", Map.of(
                "schoolUrns", schools, "kind", "NEWSLETTER", "fallbackLanguage", "en", "texts", List.of(
                        text("en", "Trust newsletter", "News from every school of the trust this term."),
                        text("so", "Wargeyska", "Warar ka yimid dugsiyada."),
                        text("pl", "Gazetka", "Wiadomosci ze szkol."),
                        text("ur", "Khabarnama", "Schoolon ki khabrein."))), leader);
        assertThat(drafted.getStatusCode().value()).as(drafted.getBody()).isEqualTo(201);
        String messageId = JsonPath.read(drafted.getBody(), "$.messageId");

        HeapPeak heap = HeapPeak.start();
        long t0 = System.nanoTime();
        ResponseEntity<String> sent = api.post("/api/engagement/messages/" + messageId + "/sending",
                                               Map.of("everyone", true), leader);
        long answered = System.nanoTime() - t0;
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(sent.getBody(), "$.preview.copies")).isEqualTo(CARERS);
        long recorded = awaitCopies(messageId, t0, false);
        long handedOver = awaitCopies(messageId, t0, true);
        Map<String, Integer> byRoute = JsonPath.read(sent.getBody(), "$.preview.byRoute");
        long receipted = awaitDelivered(messageId, t0, byRoute.getOrDefault("APP", 0) + byRoute.getOrDefault("SMS", 0));
        long peakMb = heap.stop();
        Map<String, Integer> states = messages.message(messageId).orElseThrow().states();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long afterMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

        String markdown = report(answered, recorded, handedOver, receipted, states, peakMb, afterMb, byRoute);
        System.out.println(markdown);
        Path file = Path.of("..", "docs", "benchmarks.md");
        System.out.println(BenchmarkResults.writeSection(file, "messages", markdown)
                                   ? "Results written to " + file.normalize()
                                   : "Results not written: run from the repository root with -pl engagement-service");
    }

    /** Waits until this many copies are delivered: every feed item, and every text the provider sent a receipt for. */
    private long awaitDelivered(String messageId, long t0, int expected) {
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        while (messages.message(messageId).orElseThrow().states().getOrDefault("DELIVERED", 0) < expected) {
            assertThat(System.nanoTime()).as("receipts in time").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return System.nanoTime() - t0;
    }

    /** Waits until the read model counts every copy (and, if {@code handedOver}, none still queued). */
    private long awaitCopies(String messageId, long t0, boolean handedOver) {
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            MessageView message = messages.message(messageId).orElseThrow();
            int total = message.states().values().stream().mapToInt(Integer::intValue).sum();
            if (total == CARERS && (!handedOver || message.states().getOrDefault("QUEUED", 0) == 0)) {
                return System.nanoTime() - t0;
            }
            assertThat(System.nanoTime()).as("copies handed over in time").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /**
     * The trust's schools and families as the directory would have them: one carer a family; of ten, five read the
     * app, two take email, one texts, and two are better spoken to (a call or a visit); some prefer spoken contact
     * whatever their channel.
     */
    private List<String> load() {
        MongoDatabase database = client.getDatabase(mongo.database());
        List<String> schools = new ArrayList<>();
        List<SchoolRoll> rolls = new ArrayList<>();
        List<EngagementFamily> families = new ArrayList<>();
        List<CarerAddress> addresses = new ArrayList<>();
        for (int s = 0; s < SCHOOLS; s++) {
            String urn = String.valueOf(780000 + s);
            schools.add(urn);
            List<String> familyIds = new ArrayList<>();
            for (int f = 0; f < FAMILIES_PER_SCHOOL; f++) {
                String familyId = urn + "-family-" + f;
                familyIds.add(familyId);
                ContactChannel channel = switch (f % 10) {
                    case 0 -> ContactChannel.PHONE_CALL;
                    case 5 -> ContactChannel.IN_PERSON;
                    case 1, 6 -> ContactChannel.EMAIL;
                    case 3 -> ContactChannel.SMS;
                    default -> ContactChannel.APP;
                };
                EngagementFamily.Carer carer = new EngagementFamily.Carer(
                        familyId + "-carer", "Carer", true, channel, LANGUAGES[f % LANGUAGES.length],
                        f % 7 == 0, f % 15 == 4);
                addresses.add(new CarerAddress(RecipientDirectory.key(familyId, carer.carerId()),
                                               "carer-" + s + "-" + f + "@families.example",
                                               "077009" + String.format("%05d", s * FAMILIES_PER_SCHOOL + f)));
                families.add(new EngagementFamily(familyId, TRUST, List.of(urn), "Family " + f, Instant.now(), 0,
                                                  List.of(carer), List.of(), List.of(), null, List.of(), List.of()));
            }
            rolls.add(new SchoolRoll(urn, TRUST, "School " + urn, familyIds, null, null, -1L));
        }
        database.getCollection(FamilyEngagementProjection.ROLLS, SchoolRoll.class).insertMany(rolls);
        database.getCollection(RecipientDirectory.ADDRESSES, CarerAddress.class).insertMany(addresses);
        var collection = database.getCollection(FamilyEngagementProjection.FAMILIES, EngagementFamily.class);
        for (int from = 0; from < families.size(); from += 1000) {
            collection.insertMany(families.subList(from, Math.min(from + 1000, families.size())));
        }
        return schools;
    }

    private static Map<String, String> text(String language, String subject, String body) {
        return Map.of("language", language, "subject", subject, "body", body);
    }

    private static String report(long answered, long recorded, long handedOver, long receipted,
                                 Map<String, Integer> states,
                                 long peakMb, long afterMb, Map<String, Integer> byRoute) {
        return "Last run: " + DateTimeFormatter.ISO_LOCAL_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))
               + ", embedded in-memory store, " + Runtime.getRuntime().availableProcessors() + " cores, Java "
               + System.getProperty("java.version") + ", dispatcher every 200 ms, batches of 500; email to an SMTP "
               + "server in the same JVM (GreenMail), texts to an HTTP provider on the loopback that sends a signed "
               + "receipt for each back through the webhook.\n\n"
               + "| measure | value |\n| --- | --- |\n"
               + "| copies (one message, " + SCHOOLS + " schools x " + FAMILIES_PER_SCHOOL + " families, one carer "
               + "each) | " + CARERS + " |\n"
               + "| routes | " + byRoute + " |\n"
               + "| send command answered (HTTP, audience drawn, copies worked out, MessageSent appended) | "
               + millis(answered) + " ms |\n"
               + "| from the command until the read model counts every copy | " + millis(recorded) + " ms |\n"
               + "| from the command until every copy is past QUEUED | " + millis(handedOver) + " ms |\n"
               + "| from the command until every text's receipt is recorded (and every feed item placed) | "
               + millis(receipted) + " ms |\n"
               + "| copies by state then | " + states + " |\n"
               + "| heap in use: highest seen while sending / after GC at the end | " + peakMb + " MiB / " + afterMb
               + " MiB |\n";
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** The most heap in use, sampled every 20 ms while the message goes. */
    private static final class HeapPeak implements Runnable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread = new Thread(this, "heap-peak");

        static HeapPeak start() {
            HeapPeak sampler = new HeapPeak();
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            Runtime runtime = Runtime.getRuntime();
            while (running.get()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }

        long stop() {
            running.set(false);
            return peak.get() / (1024 * 1024);
        }
    }
}
