package org.homelink.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.json.JacksonSerializer;
import org.homelink.platform.privacy.Household.Copy;
import org.homelink.platform.privacy.Household.HouseholdRecorded;
import org.homelink.platform.privacy.Household.LetterSent;
import org.homelink.platform.privacy.Household.Member;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One family's personal values opened in stored JSON; every other family's withheld, never shown. */
class FamilyDataOpenerTest {

    private final EventLogFixture store = new EventLogFixture(EmbeddedMongo.connectionString());
    private final JacksonSerializer jackson = EventLogFixture.serializer();
    private final FamilyKeys keys = new FamilyKeys(store.database(), new PrivacySettings(Duration.ofSeconds(30), 100));
    private final PersonalDataSerializer serializer = PersonalDataSerializer.wrapping(jackson, keys);
    private final FamilyDataOpener opener = new FamilyDataOpener(keys);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void dropTheDatabase() {
        store.close();
    }

    @Test
    void theFamilysOwnValuesOpen() throws Exception {
        JsonNode stored = stored(new HouseholdRecorded(
                "family-1", "990101", "Amina Warsame", LocalDate.of(2016, 3, 14), null, true,
                List.of(new Member("carer-1", "07700 900123", true)), "kw-17"));

        JsonNode opened = opener.openFor("family-1", stored);

        assertThat(opened.get("name").asText()).isEqualTo("Amina Warsame");
        assertThat(opened.get("members").get(0).get("phone").asText()).isEqualTo("07700 900123");
        assertThat(stored.toString()).as("the stored tree is left as it was").doesNotContain("Amina");
    }

    @Test
    void anotherFamilysRecordInTheSameEventIsWithheldWhole() throws Exception {
        JsonNode stored = stored(new LetterSent("letter-1", "990101",
                                                List.of(new Copy("family-1", "SMS", "so"),
                                                        new Copy("family-2", "APP", "pl"))));

        JsonNode opened = opener.openFor("family-1", stored);

        assertThat(opened.get("copies").get(0).get("language").asText()).isEqualTo("so");
        assertThat(opened.get("copies").get(1).asText()).isEqualTo(FamilyDataOpener.WITHHELD);
        assertThat(opened.toString()).doesNotContain("family-2").doesNotContain("pl").doesNotContain("$pd");
    }

    @Test
    void anEnvelopeSealedForAnotherFamilyIsWithheldEvenWhereNoFamilyIsNamed() throws Exception {
        JsonNode theirs = stored(new HouseholdRecorded(
                "family-2", "990101", "Piotr Nowak", LocalDate.of(2015, 1, 2), null, false, List.of(), "kw-17"));
        // Another family's envelope copied into this family's record: the family's id is bound into each envelope.
        JsonNode forged = stored(new HouseholdRecorded(
                "family-1", "990101", "Amina Warsame", LocalDate.of(2016, 3, 14), null, true, List.of(), "kw-17"));
        ((ObjectNode) forged).set("name", theirs.get("name"));

        JsonNode opened = opener.openFor("family-1", forged);

        assertThat(opened.get("name").asText()).isEqualTo(FamilyDataOpener.WITHHELD);
        assertThat(opened.get("born").asText()).isEqualTo("2016-03-14");
    }

    private JsonNode stored(Object event) throws Exception {
        return json.readTree(serializer.serialize(event, String.class).getData());
    }
}
