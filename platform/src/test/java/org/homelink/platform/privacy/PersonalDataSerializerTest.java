package org.homelink.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.JavaSerializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.homelink.platform.privacy.Household.Address;
import org.homelink.platform.privacy.Household.Careless;
import org.homelink.platform.privacy.Household.Copy;
import org.homelink.platform.privacy.Household.HouseholdRecorded;
import org.homelink.platform.privacy.Household.LetterSent;
import org.homelink.platform.privacy.Household.Member;
import org.homelink.platform.privacy.Household.RoomBooked;
import org.homelink.platform.testing.EmbeddedMongo;
import org.homelink.platform.testing.EventLogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal values sealed under their family's key in the stored JSON, read back, and unreadable once erased. */
class PersonalDataSerializerTest {

    private static final HouseholdRecorded AMINA = new HouseholdRecorded(
            "family-1", "990101", "Amina Warsame", LocalDate.of(2016, 3, 14), new Address("1 Mill Lane", "RB1 2CD"),
            true, List.of(new Member("carer-1", "07700 900123", true), new Member("child-1", null, false)),
            "kw-17");
    private static final HouseholdRecorded PIOTR = new HouseholdRecorded(
            "family-2", "990101", "Piotr Nowak", LocalDate.of(2015, 1, 2), null, false,
            List.of(new Member("carer-2", "07700 900456", true)), "kw-17");

    private final EventLogFixture store = new EventLogFixture(EmbeddedMongo.connectionString());
    private final JacksonSerializer jackson = EventLogFixture.serializer();
    private final FamilyKeys keys = new FamilyKeys(store.database(), new PrivacySettings(Duration.ofSeconds(30), 100));
    private final PersonalDataSerializer serializer = PersonalDataSerializer.wrapping(jackson, keys);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void dropTheDatabase() {
        store.close();
    }

    @Test
    void personalValuesAreStoredSealedAndEverythingElseAsItWas() throws Exception {
        String stored = serializer.serialize(AMINA, String.class).getData();

        for (String plain : List.of("Amina", "2016-03-14", "Mill Lane", "RB1 2CD", "07700", "\"sen\":true")) {
            assertThat(stored).doesNotContain(plain);
        }
        JsonNode tree = json.readTree(stored);
        assertThat(tree.get("familyId").asText()).isEqualTo("family-1");
        assertThat(tree.get("schoolUrn").asText()).isEqualTo("990101");
        assertThat(tree.get("recordedBy").asText()).isEqualTo("kw-17");
        assertThat(tree.at("/members/0/memberId").asText()).isEqualTo("carer-1");
        assertThat(tree.at("/members/0/carer").asBoolean()).isTrue();
        assertThat(tree.at("/members/1/phone").isNull()).as("null stays null: nothing to hide").isTrue();
        for (String sealed : List.of("/name", "/born", "/address", "/sen", "/members/0/phone")) {
            assertThat(PersonalDataCipher.isEnvelope(tree.at(sealed))).as(sealed).isTrue();
        }
        JsonNode again = json.readTree(serializer.serialize(AMINA, String.class).getData());
        assertThat(again.at("/name")).as("a fresh IV every time").isNotEqualTo(tree.at("/name"));
    }

    @Test
    void whatWasSealedReadsBackAsItWas() {
        assertThat(roundTrip(AMINA)).isEqualTo(AMINA);
        assertThat(roundTrip(PIOTR)).isEqualTo(PIOTR);
        assertThat((Object) serializer.deserialize(serializer.serialize(AMINA, byte[].class))).isEqualTo(AMINA);
    }

    @Test
    void onceAFamilyIsErasedItsPersonalValuesReadAsNullAndOtherFamiliesReadAsBefore() {
        SerializedObject<String> amina = serializer.serialize(AMINA, String.class);
        SerializedObject<String> piotr = serializer.serialize(PIOTR, String.class);

        keys.erase("family-1");

        HouseholdRecorded erased = serializer.deserialize(amina);
        assertThat(erased).isEqualTo(new HouseholdRecorded(
                "family-1", "990101", null, null, null, false,
                List.of(new Member("carer-1", null, true), new Member("child-1", null, false)), "kw-17"));
        assertThat((Object) serializer.deserialize(piotr)).isEqualTo(PIOTR);
    }

    @Test
    void anEventAboutSeveralFamiliesSealsEachPartUnderItsOwnFamilysKey() {
        LetterSent letter = new LetterSent("letter-1", "990101", List.of(new Copy("family-1", "SMS", "so"),
                                                                         new Copy("family-2", "EMAIL", "pl")));
        SerializedObject<String> stored = serializer.serialize(letter, String.class);
        assertThat(stored.getData()).doesNotContain("\"so\"").doesNotContain("\"pl\"");

        keys.erase("family-1");

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(new LetterSent(
                "letter-1", "990101",
                List.of(new Copy("family-1", "SMS", null), new Copy("family-2", "EMAIL", "pl"))));
    }

    @Test
    void personalDataWrittenAboutAFamilyAlreadyErasedIsDropped() {
        keys.erase("family-1");

        SerializedObject<String> stored = serializer.serialize(AMINA, String.class);

        assertThat(stored.getData()).doesNotContain("Amina").doesNotContain("$pd");
        assertThat(((HouseholdRecorded) serializer.deserialize(stored)).name()).isNull();
    }

    @Test
    void anEnvelopeCopiedIntoAnotherFamilysEventDoesNotOpenThere() throws Exception {
        ObjectNode amina = (ObjectNode) json.readTree(serializer.serialize(AMINA, String.class).getData());
        ObjectNode piotr = (ObjectNode) json.readTree(serializer.serialize(PIOTR, String.class).getData());
        keys.forWriting("family-2");
        piotr.set("name", amina.get("name"));

        HouseholdRecorded read = serializer.deserialize(
                new SimpleSerializedObject<>(json.writeValueAsString(piotr), String.class,
                                             serializer.typeForClass(HouseholdRecorded.class)));

        assertThat(read.name()).isNull();
    }

    @Test
    void anEventWithNoPersonalDataIsTheJacksonSerializersOwn() {
        RoomBooked booked = new RoomBooked("room-1", "kw-17");

        assertThat(serializer.serialize(booked, String.class).getData())
                .isEqualTo(jackson.serialize(booked, String.class).getData());
        assertThat((Object) serializer.deserialize(jackson.serialize(booked, String.class))).isEqualTo(booked);
    }

    @Test
    void anEventStoredBeforeEncryptionReadsAsItWas() {
        SerializedObject<String> plain = jackson.serialize(AMINA, String.class);

        assertThat((Object) serializer.deserialize(plain)).isEqualTo(AMINA);
    }

    @Test
    void personalDataThatNamesNoFamilyIsRefusedRatherThanStoredInPlain() {
        assertThatThrownBy(() -> serializer.serialize(new Careless("family-1", "Amina"), String.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("names no family");
    }

    @Test
    void onlyAJacksonEventSerializerCanBeWrapped() {
        assertThatThrownBy(() -> PersonalDataSerializer.wrapping(
                JavaSerializer.builder().build(), keys))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("axon.serializer.events");
    }

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T event) {
        return (T) serializer.deserialize(serializer.serialize(event, String.class));
    }
}
