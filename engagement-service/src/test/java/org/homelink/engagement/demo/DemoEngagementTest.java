package org.homelink.engagement.demo;

import org.homelink.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The demo term loads through the API over the demo trust's families; a load that stopped half-way runs again to
 * the end, and loading it again adds nothing.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class DemoEngagementTest {

    /** The launcher loads the demo with a trust leader's token from the identity provider. */
    private static final String LOADER = TestTokens.staff(DemoEngagement.TRUST_ID, "trust-leader", "demo-loader");

    @LocalServerPort
    private int port;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;

    @Test
    void loadsATermOfEngagementOnceHoweverOftenItRunsAndWhereverItStopped() {
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        familyService.registerSchool(DemoEngagement.TRUST_ID, DemoEngagement.PRIMARY, "Riverbend Meadow Primary");
        familyService.registerSchool(DemoEngagement.TRUST_ID, DemoEngagement.SECONDARY, "Riverbend Academy");
        List<FamilyServiceEvents.Family> families = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean secondary = i % 4 == 0;
            families.add(familyService.family(DemoEngagement.TRUST_ID,
                                              secondary ? DemoEngagement.SECONDARY : DemoEngagement.PRIMARY,
                                              "Demo family " + i)
                                      .carer("demo-carer-" + i, ContactChannel.SMS, i % 3 == 0 ? "so" : "en", false)
                                      .child("demo-child-" + i, secondary ? YearGroup.YEAR_7 : YearGroup.YEAR_3));
        }
        // Families with children at both schools, as the demo trust has: each school has its own contacts with them.
        for (int i = 16; i < 20; i++) {
            families.add(familyService.family(DemoEngagement.TRUST_ID, DemoEngagement.PRIMARY, "Demo family " + i)
                                      .carer("demo-carer-" + i, ContactChannel.SMS, "en", false)
                                      .child("demo-child-" + i, YearGroup.YEAR_4)
                                      .childAt(DemoEngagement.SECONDARY, "demo-sibling-" + i, YearGroup.YEAR_8));
        }
        families.forEach(this::awaitArrival);
        List<String> stopped = new ArrayList<>();
        List<String> resumed = new ArrayList<>();

        assertThatThrownBy(recording(stopped, 3)::load).as("a load that stops after three of its POSTs");
        assertThat(recording(resumed, Integer.MAX_VALUE).load()).isEqualTo(3);
        assertThat(resumed).as("the same POSTs again, each with the same body, then the rest")
                           .startsWith(stopped.toArray(String[]::new)).hasSizeGreaterThan(stopped.size());
        DemoEngagement demo = new DemoEngagement("http://localhost:" + port, LOADER);
        long head = eventStore.createHeadToken().position().orElseThrow();
        assertThat(demo.load()).isEqualTo(3);
        assertThat(eventStore.createHeadToken().position().orElseThrow()).as("nothing appended again").isEqualTo(head);

        LocalDate today = LocalDate.now();
        JsonNode reach = staff().get().uri("/api/engagement/reach?school=" + DemoEngagement.PRIMARY + "&from="
                                           + today.minusWeeks(6) + "&to=" + today).retrieve().body(JsonNode.class);
        assertThat(reach.at("/overall/families").asInt()).isEqualTo(16);
        assertThat(reach.at("/overall/attended").asInt()).isPositive();
        JsonNode evening = staff().get().uri("/api/engagement/activities?school=" + DemoEngagement.SECONDARY)
                                  .retrieve().body(JsonNode.class);
        assertThat(evening.findValues("slots").get(0).size()).isEqualTo(24);
    }

    /**
     * A demo load that notes each POST it sends (its key and body) in {@code sent}, and whose client gives up at the
     * one after {@code stopAfter}, as if the machine had stopped.
     */
    private DemoEngagement recording(List<String> sent, int stopAfter) {
        return new DemoEngagement(RestClient.builder().baseUrl("http://localhost:" + port)
                                            .defaultHeaders(headers -> headers.setBearerAuth(LOADER))
                                            .requestInterceptor((request, body, execution) -> {
                                                if (request.getMethod() == HttpMethod.POST) {
                                                    if (sent.size() == stopAfter) {
                                                        throw new IOException("The load stopped here");
                                                    }
                                                    sent.add(request.getHeaders().getFirst("Idempotency-Key") + " "
                                                             + new String(body, StandardCharsets.UTF_8));
                                                }
                                                return execution.execute(request, body);
                                            }));
    }

    private void awaitArrival(FamilyServiceEvents.Family family) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (directory.familyVersionOf(family.id()) < family.version()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private RestClient staff() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                         .defaultHeaders(headers -> headers.setBearerAuth(TestTokens.staff(
                                 DemoEngagement.TRUST_ID, "school-leader", "demo-check", DemoEngagement.PRIMARY,
                                 DemoEngagement.SECONDARY)))
                         .build();
    }
}
