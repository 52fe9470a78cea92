package org.homelink.partners.referrals.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.partners.ReferralAccepted;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.contracts.partners.ReferralOpened;
import org.homelink.partners.referrals.command.Referral.Status;
import org.homelink.partners.referrals.command.ReferralDescribed;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The referrals read model, fed events as the processor would feed them, on the embedded store. */
class ReferralsProjectionTest {

    static final Instant AT = Instant.parse("2026-03-02T10:15:30.123Z");
    static final Set<String> SCHOOLS = Set.of("900001");

    private EventLogFixture store;
    private ReferralsProjection projection;
    private AnnotationEventHandlerAdapter processor;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventMessage<?>> delivered = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new EventLogFixture(EmbeddedMongo.connectionString());
        projection = new ReferralsProjection(store.database());
        processor = new AnnotationEventHandlerAdapter(projection);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void followsEachReferralAndItsFamilysConsent() {
        history();

        ReferralView first = projection.referral("r1").orElseThrow();
        assertThat(first.status()).isEqualTo(Status.ACCEPTED);
        assertThat(first.noteForPartner()).isEqualTo("Afternoons");
        assertThat(first.shared()).isFalse();
        assertThat(projection.referral("r2").orElseThrow().shared()).isTrue();
        assertThat(projection.openReferrals(List.of("s1", "s2"))).containsEntry("s1", 1).containsEntry("s2", 1);
    }

    @Test
    void aReplayAfterAResetBuildsTheSameModel() {
        history();
        Map<String, List<Document>> before = everything();

        processor.prepareReset();
        assertThat(everything().values()).allSatisfy(documents -> assertThat(documents).isEmpty());
        delivered.forEach(this::deliver);

        assertThat(everything()).isEqualTo(before);
        assertThat(before.get("referrals")).hasSize(2);
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        history();
        Map<String, List<Document>> before = everything();

        new ArrayList<>(delivered).forEach(this::deliver);

        assertThat(everything()).isEqualTo(before);
    }

    private void history() {
        feed("f1", new ConsentGiven("f1", "t", SCHOOLS, ConsentPurposes.SHARING_WITH_PARTNERS, "c1",
                                    LocalDate.of(2026, 3, 1), "kw", AT));
        feed("r1", made("r1", "f1", "s1"));
        feed("r1", new ReferralDescribed("r1", "Afternoons"));
        feed("r1", new ReferralOpened("r1", "f1", "t", SCHOOLS, "org", "w", AT));
        feed("r1", new ReferralAccepted("r1", "f1", "t", SCHOOLS, "org", "w", AT));
        feed("f1", new ConsentWithdrawn("f1", "t", SCHOOLS, ConsentPurposes.SHARING_WITH_PARTNERS, "c1",
                                        LocalDate.of(2026, 3, 2), "kw", AT));
        feed("f1", new ConsentGiven("f1", "t", SCHOOLS, ConsentPurposes.PHOTOGRAPHS, "c1", LocalDate.of(2026, 3, 2),
                                    "kw", AT));
        feed("f2", new ConsentGiven("f2", "t", SCHOOLS, ConsentPurposes.SHARING_WITH_PARTNERS, "c2",
                                    LocalDate.of(2026, 3, 1), "kw", AT));
        feed("r2", made("r2", "f2", "s2"));
    }

    private static ReferralMade made(String referral, String family, String service) {
        return new ReferralMade(referral, "n-" + referral, family, "t", SCHOOLS, "org", "Hub", service, "Drop-in",
                                "food", "kw", AT);
    }

    private void feed(String aggregate, Object event) {
        long sequence = sequences.merge(aggregate, 0L, (last, zero) -> last + 1);
        EventMessage<?> message = new GenericDomainEventMessage<>("Any", aggregate, sequence, event);
        delivered.add(message);
        deliver(message);
    }

    private void deliver(EventMessage<?> message) {
        try {
            processor.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<Document>> everything() {
        Map<String, List<Document>> documents = new HashMap<>();
        for (String collection : List.of("referrals", "familySharing")) {
            documents.put(collection, store.database().getCollection(collection).find()
                                           .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return documents;
    }
}
