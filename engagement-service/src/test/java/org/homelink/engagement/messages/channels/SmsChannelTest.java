package org.homelink.engagement.messages.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.delivery.Handover;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS channel against a provider on the loopback, and the provider's receipts coming back through the running
 * service's webhook, signed as a provider signs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "homelink.engagement.messages.sms.api-key=test-key-7f3a",
        "homelink.engagement.messages.sms.sender=RiversideTr",
        "homelink.engagement.messages.sms.webhook-secret=" + SmsChannelTest.SECRET,
        "homelink.engagement.messages.sms.read-timeout=700ms",
        "homelink.engagement.messages.sms.max-segments=3"})
@ActiveProfiles("test")
@Import(RecordingDeliveryReports.InTheService.class)
class SmsChannelTest {

    static final String SECRET = "shared-secret-of-the-sms-test";
    private static final String SCHOOL = "947201";

    private static final StandInSmsProvider provider = StandInSmsProvider.started(SECRET);
    /** The service's own port, fixed before it starts, so that the callback URL it gives the provider is real. */
    private static final int port = StandInSmsProvider.freePort();

    @DynamicPropertySource
    static void pointAtTheProvider(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> port);
        registry.add("homelink.engagement.messages.sms.url", () -> provider.url().toString());
        registry.add("homelink.engagement.messages.sms.callback-url", SmsChannelTest::callbackUrl);
    }

    @Autowired
    private SmsChannel sms;
    @Autowired
    private SmsSettings settings;
    @Autowired
    private RecordingDeliveryReports reports;
    @Autowired
    private RestClient.Builder builder;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void resetTheProvider() {
        provider.reset();
    }

    @AfterAll
    static void stopTheProvider() {
        provider.close();
    }

    @Test
    void postsTheTextAsJsonWithTheKeyAsABearerTokenAndKeepsTheProvidersId() throws Exception {
        Handover handover = sms.hand(text("delivery-s1", "07700 900123", "Coffee morning on Thursday at 9."));

        assertThat(sms.route()).isEqualTo(DeliveryRoute.SMS);
        assertThat(handover).isEqualTo(new Handover.Accepted("SM-0001", false));
        StandInSmsProvider.Request request = provider.requests().poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(StandInSmsProvider.PATH);
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer test-key-7f3a");
        assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
        assertThat(request.body()).isEqualTo(json.readTree("""
                {"to": "+447700900123", "from": "RiversideTr", "body": "Coffee morning on Thursday at 9.",
                 "reference": "delivery-s1", "statusCallback": "%s"}""".formatted(callbackUrl())));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"200, Accepted", "202, Accepted",
            "429, TryLater", "500, TryLater", "502, TryLater", "503, TryLater",
            "401, TryLater", "403, TryLater", "301, TryLater",
            "400, Undeliverable", "404, Undeliverable", "422, Undeliverable"})
    void readsTheProvidersStatus(int status, String outcome) {
        provider.answers(status, "{\"error\":\"as the provider says\"}");

        Handover handover = sms.hand(text("delivery-s2", "+447700900124", "Hello"));

        assertThat(handover.getClass().getSimpleName()).isEqualTo(outcome);
        assertThat(provider.requests()).hasSize(1);
    }

    @Test
    void aProviderAnswerWithoutAnIdStillTookTheText() {
        provider.answers(202, "");

        assertThat(sms.hand(text("delivery-s3", "07700900125", "Hello"))).isEqualTo(new Handover.Accepted(null, false));
    }

    @Test
    void aSlowProviderIsNotNowOnceTheReadTimeoutHasPassed() {
        provider.answersAfter(Duration.ofSeconds(5));

        long start = System.nanoTime();
        Handover handover = sms.hand(text("delivery-s4", "07700900126", "Hello"));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700 + 1500));
    }

    @Test
    void aSenderOrCallbackLeftUnsetIsLeftOutOfTheRequestNotSentAsNull() throws Exception {
        SmsChannel bare = new SmsChannel(new SmsSettings(
                provider.url(), "key", null, null, null, settings.connectTimeout(), settings.readTimeout(),
                settings.maxSegments()), builder);

        assertThat(bare.hand(text("delivery-s11", "07700900131", "Hello"))).isInstanceOf(Handover.Accepted.class);

        StandInSmsProvider.Request request = provider.requests().poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.body().has("from")).isFalse();
        assertThat(request.body().has("statusCallback")).isFalse();
        assertThat(request.body().get("reference").asText()).isEqualTo("delivery-s11");
    }

    @Test
    void aProviderThatIsNotThereIsNotNow() {
        SmsChannel nowhere = new SmsChannel(new SmsSettings(
                URI.create("http://127.0.0.1:" + StandInSmsProvider.freePort() + "/v1/messages"), "key", "RiversideTr", null, null,
                settings.connectTimeout(), settings.readTimeout(), settings.maxSegments()), builder);

        assertThat(nowhere.hand(text("delivery-s5", "07700900127", "Hello"))).isInstanceOf(Handover.TryLater.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"020 7946 0018", "+44 20 7946 0018", "0870 010 0222", "07000 123456", "12345", "not a number"})
    void refusesWhatCannotTakeATextWithoutAskingTheProvider(String number) {
        assertThat(sms.hand(text("delivery-s6", number, "Hello")))
                .isEqualTo(new Handover.Undeliverable("not a mobile number"));
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void refusesATextLongerThanTheSegmentsAllowedRatherThanCutIt() {
        // Urdu is sent as UCS-2: 67 characters a part, so 202 characters are four parts, one more than allowed.
        String long_ = "ا".repeat(202);

        assertThat(sms.hand(text("delivery-s7", "07700900128", long_)))
                .isEqualTo(new Handover.Undeliverable("too long for a text: 4 parts, at most 3"));
        assertThat(sms.hand(text("delivery-s8", "07700900128", "ا".repeat(201)))).isInstanceOf(Handover.Accepted.class);
    }

    @Test
    void theProvidersSignedReceiptComesBackThroughTheWebhookAndIsRecorded() throws Exception {
        reports.sent("delivery-s9");
        provider.reportsEachText("delivered");

        assertThat(sms.hand(text("delivery-s9", "07700900129", "Hello"))).isInstanceOf(Handover.Accepted.class);

        assertThat(provider.callbackAnswers().poll(10, TimeUnit.SECONDS)).as("the webhook's answer").isEqualTo(204);
        assertThat(reports.reportsOn("delivery-s9")).containsExactly(new RecordingDeliveryReports.Report(
                "delivery-s9", DeliveryState.DELIVERED, null, Instant.parse("2026-03-02T09:31:00Z")));
    }

    @Test
    void aReceiptForACopyTheServiceHasNoRecordOfIsAnsweredNotFound() throws Exception {
        provider.reportsEachText("failed");

        assertThat(sms.hand(text("delivery-s10", "07700900130", "Hello"))).isInstanceOf(Handover.Accepted.class);

        assertThat(provider.callbackAnswers().poll(10, TimeUnit.SECONDS)).isEqualTo(404);
        assertThat(reports.reportsOn("delivery-s10")).isEmpty();
    }

    private static Outgoing text(String deliveryId, String number, String body) {
        return new Outgoing(deliveryId, "message-s", SCHOOL, number, "en", null, body);
    }

    private static String callbackUrl() {
        return "http://127.0.0.1:" + port + "/api/engagement/messages/receipts/sms";
    }
}
