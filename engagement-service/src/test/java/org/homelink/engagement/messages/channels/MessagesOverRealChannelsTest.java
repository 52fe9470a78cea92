package org.homelink.engagement.messages.channels;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.Eventually;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message from draft to delivery receipt with nothing standing in for the service: the real dispatcher hands one
 * carer's copy to the real email channel, which sends it to an SMTP server running in the test (GreenMail), and
 * another's to the real SMS channel, which posts it to a provider on the loopback; that provider then reports
 * delivery through the service's signed webhook, and the copy's state says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "homelink.engagement.messages.dispatch-every=100ms",
        "homelink.engagement.messages.email.from=messages@riverside-trust.example",
        "homelink.engagement.messages.sms.api-key=end-to-end-key",
        "homelink.engagement.messages.sms.sender=RiversideTr",
        "homelink.engagement.messages.sms.webhook-secret=" + MessagesOverRealChannelsTest.SECRET})
@ActiveProfiles("test")
class MessagesOverRealChannelsTest {

    static final String SECRET = "shared-secret-of-the-end-to-end-test";
    private static final String SCHOOL = "947301";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final StandInSmsProvider provider = StandInSmsProvider.started(SECRET);
    /** Fixed before the service starts, so that the callback address it gives the provider is its own. */
    private static final int port = StandInSmsProvider.freePort();

    @DynamicPropertySource
    static void pointAtTheServers(DynamicPropertyRegistry registry) {
        provider.pointTheServiceHere(registry, port, () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopTheProvider() {
        provider.close();
    }

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;

    private final String trust = "channels-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anEmailArrivesAtTheSmtpServerAndATextIsDeliveredByTheProvidersReceipt() throws Exception {
        provider.reportsEachText("delivered");
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(trust, SCHOOL, "Channels Primary");
        String byEmail = family(familyService, "amina", ContactChannel.EMAIL, "so", null, "amina@families.example");
        String byText = family(familyService, "piotr", ContactChannel.SMS, "pl", "07700 900301", null);
        Api api = new Api(http);
        HttpHeaders teacher = Staff.at(trust, "teacher", "teacher-c", SCHOOL);

        ResponseEntity<String> drafted = api.post("/api/engagement/messages", Map.of(
                "schoolUrns", List.of(SCHOOL), "kind", "MESSAGE", "fallbackLanguage", "en", "texts", List.of(
                        Map.of("language", "en", "subject", "Sports day", "body", "Sports day is on Friday."),
                        Map.of("language", "so", "subject", "Maalinta ciyaaraha",
                               "body", "Maalinta ciyaaraha waa Jimcaha."))), teacher);
        assertThat(drafted.getStatusCode()).as(drafted.getBody()).isEqualTo(HttpStatus.CREATED);
        String message = drafted.getHeaders().getLocation().getPath();
        ResponseEntity<String> sent = api.post(message + "/sending", Map.of("familyIds", List.of(byEmail, byText)),
                                               teacher);
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);

        Eventually.until("the email copy sent and the text delivered", () -> {
            Map<String, Integer> states = JsonPath.read(api.get(message, teacher).getBody(), "$.states");
            return states.getOrDefault("SENT", 0) == 1 && states.getOrDefault("DELIVERED", 0) == 1;
        });
        assertThat(provider.callbackAnswers().poll(10, TimeUnit.SECONDS)).as("the webhook's answer").isEqualTo(204);

        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getSubject()).isEqualTo("Maalinta ciyaaraha");
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("amina@families.example");

        StandInSmsProvider.Request text = provider.requests().poll(5, TimeUnit.SECONDS);
        assertThat(text).isNotNull();
        assertThat(text.body().get("to").asText()).isEqualTo("+447700900301");
        assertThat(text.body().get("body").asText()).as("Polish has no text: the fallback")
                                                    .isEqualTo("Sports day is on Friday.");
        String textCopy = text.body().get("reference").asText();
        List<String> delivered = JsonPath.read(api.get(message + "/copies?state=DELIVERED", teacher).getBody(),
                                               "$.items[*].deliveryId");
        assertThat(delivered).containsExactly(textCopy);
    }

    private String family(FamilyServiceEvents familyService, String carer, ContactChannel channel, String language,
                          String phone, String email) {
        FamilyServiceEvents.Family family = familyService.family(trust, SCHOOL, "Family " + carer).carer(
                carer, new ContactPreferences(channel, language, false, false, null, null), phone, email);
        Eventually.until("the family reached engagement-service",
                         () -> directory.familyVersionOf(family.id()) >= family.version());
        return family.id();
    }
}
