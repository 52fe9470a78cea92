package org.homelink.platform.privacy;

import com.mongodb.client.MongoClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.homelink.platform.privacy.Household.Copy;
import org.homelink.platform.privacy.Household.HouseholdRecorded;
import org.homelink.platform.privacy.Household.LetterSent;
import org.homelink.platform.privacy.Household.Member;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service gets: events stored with personal data sealed, and a processor replaying the log after an
 * erasure never meets the erased family's events, while other families' read as before.
 */
class PersonalDataInTheLogTest {

    private static final HouseholdRecorded AMINA = new HouseholdRecorded(
            "family-amina", "990101", "Amina Qorsheel", LocalDate.of(2016, 3, 14), null, false,
            List.of(new Member("carer-1", "07700 900777", true)), "kw-17");
    private static final HouseholdRecorded PIOTR = new HouseholdRecorded(
            "family-piotr", "990101", "Piotr Zdzisławski", LocalDate.of(2015, 1, 2), null, false, List.of(), "kw-17");
    private static final LetterSent LETTER = new LetterSent(
            "letter-1", "990101", List.of(new Copy("family-amina", "SMS", "so"), new Copy("family-piotr", "APP", "pl")));

    @Test
    void theLogHoldsNoPersonalValueInPlainAndAReplayAfterAnErasurePassesOverTheFamily() {
        String events = "events-" + UUID.randomUUID();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(AnyService.class)
                .web(WebApplicationType.NONE)
                .properties("homelink.mongo.embedded.storage=memory", "homelink.event-store.database=" + events,
                            "axon.eventhandling.processors.households.mode=tracking")
                .run()) {
            EventStore log = service.getBean(EventStore.class);
            Households households = service.getBean(Households.class);
            for (Object event : List.of(AMINA, PIOTR, LETTER)) {
                log.publish(GenericEventMessage.asEventMessage(event));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> households.letters.size() == 1);
            assertThat(households.recorded).containsOnlyKeys("family-amina", "family-piotr");

            String stored = service.getBean(MongoClient.class).getDatabase(events).getCollection("commits")
                                   .find().map(Document::toJson).into(new java.util.ArrayList<>()).toString();
            for (String plain : List.of("Qorsheel", "Zdzis", "07700 900777", "2016-03-14", "\"so\"", "\"pl\"")) {
                assertThat(stored).doesNotContain(plain);
            }

            service.getBean(FamilyKeys.class).erase("family-amina");
            TrackingEventProcessor processor = service.getBean(EventProcessingConfiguration.class)
                                                      .eventProcessor("households", TrackingEventProcessor.class)
                                                      .orElseThrow();
            processor.shutDown();
            households.recorded.clear();
            households.letters.clear();
            processor.resetTokens();
            processor.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> households.letters.size() == 1);
            assertThat(households.recorded).containsOnlyKeys("family-piotr");
            assertThat(households.recorded.get("family-piotr")).isEqualTo(PIOTR);
            assertThat(households.letters.get("letter-1").copies())
                    .containsExactly(new Copy("family-amina", "SMS", null), new Copy("family-piotr", "APP", "pl"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Households.class)
    static class AnyService {
    }

    @Component
    @ProcessingGroup("households")
    static class Households {

        final Map<String, HouseholdRecorded> recorded = new ConcurrentHashMap<>();
        final Map<String, LetterSent> letters = new ConcurrentHashMap<>();

        @EventHandler
        void on(HouseholdRecorded event) {
            recorded.put(event.familyId(), event);
        }

        @EventHandler
        void on(LetterSent event) {
            letters.put(event.letterId(), event);
        }
    }
}
