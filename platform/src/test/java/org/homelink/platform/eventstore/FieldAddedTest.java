package org.homelink.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;
import org.homelink.platform.axon.FieldAdded;
import org.homelink.platform.privacy.FamilyKeys;
import org.homelink.platform.privacy.PersonalDataSerializer;
import org.homelink.platform.privacy.PrivacySettings;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that came to name its family: stored before, in the plain and without the family, it reads through its
 * upcaster with no family and its values as they were; stored since, its personal value is sealed and reads back.
 */
class FieldAddedTest {

    /** Revision 2 names the family; revision 1 did not, and was stored before personal data was encrypted. */
    @Revision("2")
    record NoteWritten(String noteId, @DataSubject String familyId, @PersonalData String note) {
    }

    private final EventLogFixture fixture = new EventLogFixture(EmbeddedMongo.connectionString());
    private final FamilyKeys keys = new FamilyKeys(fixture.database(), new PrivacySettings(Duration.ofSeconds(30), 10));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anEventStoredBeforeItNamedItsFamilyReadsWithNoFamilyAndAsItWas() {
        long position = new CommitPositions(fixture.database().getCollection("counters")).reserve(1);
        Document stored = new Document("id", "event-1").append("type", "Note").append("aggregate", "note-1")
                .append("seq", 0L).append("time", "2025-09-01T08:00:00Z")
                .append("payloadType", NoteWritten.class.getName()).append("revision", "1")
                .append("payload", "{\"noteId\":\"note-1\",\"note\":\"Prefers afternoons\"}")
                .append("metaData", "{}");
        fixture.database().getCollection("commits")
               .insertOne(CommitDocuments.commit(position, List.of("note-1/0"), List.of(stored)));
        MongoEventLogEngine engine = fixture.engineBuilder()
                                            .eventSerializer(PersonalDataSerializer.wrapping(
                                                    EventLogFixture.serializer(), keys))
                                            .upcasterChain(new FieldAdded(NoteWritten.class, "1", "2", "familyId"))
                                            .build();

        engine.appendEvents(new GenericDomainEventMessage<>("Note", "note-1", 1,
                                                            new NoteWritten("note-1", "family-1", "Mornings now")));

        assertThat(engine.readEvents("note-1").asStream().<Object>map(event -> event.getPayload()).toList())
                .containsExactly(new NoteWritten("note-1", null, "Prefers afternoons"),
                                 new NoteWritten("note-1", "family-1", "Mornings now"));
        assertThat(fixture.database().getCollection("commits").find().map(Document::toJson)
                          .into(new java.util.ArrayList<>()).toString()).doesNotContain("Mornings now");
    }
}
