package org.homelink.family.families.export;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactLogged;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.MessageCopy;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.contracts.engagement.MessageSent;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.platform.privacy.FamilyDataOpener;
import org.homelink.platform.testing.NoPersonalDataInLogs;
import org.homelink.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Subject access end to end: a family with carers, a child, a barrier and its words, what engagement-service and
 * community-partners-service wrote about it in the shared log, and a message to it and another family in one event.
 * The export shows all of it, decrypted, and none of the other family's; as JSON and as a document; to leaders of
 * the family's school or trust only; and nothing once the family is erased.
 */
@NoPersonalDataInLogs({"Nyambura", "07700 900321", "8 Tannery Row", "Struggles with the stairs at the gate",
                       "Wanjiru", "She asked about the breakfast club", "Okonkwo"})
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessTest {

    private static final String NORTH = "940001";
    private static final String SOUTH = "940002";
    /** 08:30 UTC in July: 09:30 in London, which is what the document must say. */
    private static final Instant CONTACT_AT = Instant.parse("2025-07-01T08:30:00Z");

    private final String trust = "sar-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTrust = "sar-other-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;

    @BeforeAll
    void registerTheTrusts() {
        for (String id : List.of(trust, otherTrust)) {
            assertThat(post("/api/families/trusts", Map.of("trustId", id, "name", "Trust " + id),
                            staff(id, "trust-leader")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            for (String school : List.of(NORTH, SOUTH)) {
                assertThat(post("/api/families/trusts/" + id + "/schools",
                                Map.of("schoolUrn", school, "name", "School " + school, "phase", "PRIMARY",
                                       "postcode", "RB1 1AA"), staff(id, "trust-leader")).getStatusCode())
                        .isEqualTo(HttpStatus.CREATED);
            }
        }
    }

    /** The family's ids, and the other family's. */
    private record Families(String familyId, String carerId, String childId, String otherFamilyId,
                            String otherCarerId) {
    }

    private Families aFamilyWithEverything() {
        String familyId = register("The Nyambura family");
        String carerId = created("/api/families/" + familyId + "/carers", Map.of(
                "name", "Wanjiru Nyambura", "relationship", "mother", "parentalResponsibility", true,
                "phone", "07700 900321",
                "address", Map.of("line1", "8 Tannery Row", "town", "Riverbend", "postcode", "RB3 3CC"),
                "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "sw", "needsInterpreter", false,
                                      "prefersSpokenContact", false)));
        String childId = created("/api/families/" + familyId + "/children", Map.of(
                "name", "Baraka Nyambura", "dateOfBirth", "2017-05-04", "yearGroup", "YEAR_3", "send", false,
                "schoolUrn", NORTH));
        created("/api/families/" + familyId + "/barriers",
                Map.of("barrier", "INACCESSIBLE_ENVIRONMENT", "note", "Struggles with the stairs at the gate"));
        created("/api/families/" + familyId + "/voice",
                Map.of("words", "She asked about the breakfast club", "carerId", carerId));

        String otherFamilyId = register("The Okonkwo family");
        String otherCarerId = created("/api/families/" + otherFamilyId + "/carers", Map.of(
                "name", "Chidi Okonkwo", "relationship", "father", "parentalResponsibility", true,
                "phone", "07700 900654", "preferences", Map.of("preferredChannel", "SMS", "preferredLanguage", "ig",
                                                               "needsInterpreter", false,
                                                               "prefersSpokenContact", false)));

        // What engagement-service and community-partners-service publish, written to the log as they write it.
        eventStore.publish(GenericEventMessage.asEventMessage(new ContactLogged(
                UUID.randomUUID().toString(), familyId, trust, Set.of(NORTH), NORTH, ContactKind.PHONE_CALL,
                ContactDirection.SCHOOL_TO_FAMILY, true, ContactTone.POSITIVE, Set.of(carerId), CONTACT_AT,
                "Talked through the walking bus", Set.of(), null, "kw-7", CONTACT_AT)));
        eventStore.publish(GenericEventMessage.asEventMessage(new ReferralMade(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), familyId, trust, Set.of(NORTH),
                "organisation-1", "Riverbend Food Bank", "service-1", "Weekly parcels", "FOOD", "kw-7",
                Instant.now())));
        eventStore.publish(GenericEventMessage.asEventMessage(new MessageSent(
                UUID.randomUUID().toString(), trust, List.of(NORTH), MessageKind.NEWSLETTER, "head-1", Instant.now(),
                List.of(new MessageCopy("delivery-1", NORTH, familyId, carerId, MessageRoute.SMS, "sw"),
                        new MessageCopy("delivery-2", NORTH, otherFamilyId, otherCarerId, MessageRoute.SMS,
                                        "ig")))));
        return new Families(familyId, carerId, childId, otherFamilyId, otherCarerId);
    }

    @Test
    void theExportHoldsEveryServicesEventsAboutTheFamilyDecryptedAndNothingOfAnotherFamily() {
        Families families = aFamilyWithEverything();

        ResponseEntity<String> export = get("/api/families/" + families.familyId() + "/export",
                                            staff(trust, "school-leader", NORTH));

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(export.getHeaders().getCacheControl()).isEqualTo("no-store");
        String body = export.getBody();
        assertThat((String) JsonPath.read(body, "$.record.carers[0].name")).isEqualTo("Wanjiru Nyambura");
        assertThat((String) JsonPath.read(body, "$.exportedBy")).isEqualTo("school-leader-1");
        assertThat(JsonPath.<List<String>>read(body, "$.events[*].type")).containsExactly(
                "FamilyRegistered", "CarerAdded", "ChildEnrolled", "BarrierRecorded", "FamilyVoiceRecorded",
                "ContactLogged", "ReferralMade", "MessageSent");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.type == 'CarerAdded')].event.phone"))
                .containsExactly("07700 900321");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.type == 'BarrierRecorded')].event.note"))
                .containsExactly("Struggles with the stairs at the gate");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.type == 'ContactLogged')].event.summary"))
                .containsExactly("Talked through the walking bus");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.type == 'ContactLogged')].service"))
                .containsExactly("engagement-service");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.type == 'ReferralMade')].event.category"))
                .containsExactly("FOOD");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.type == 'ReferralMade')].service"))
                .containsExactly("community-partners-service");
        assertThat(JsonPath.<List<Object>>read(body, "$.events[?(@.type == 'MessageSent')].event.copies[*]"))
                .hasSize(2).contains(FamilyDataOpener.WITHHELD);
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.type == 'MessageSent')].event.copies[*].language"))
                .containsExactly("sw");
        assertThat(body).doesNotContain(families.otherFamilyId()).doesNotContain(families.otherCarerId())
                        .doesNotContain("Okonkwo").doesNotContain("\"ig\"").doesNotContain("$pd");
    }

    @Test
    void theDocumentIsReadableAndPrintable() {
        Families families = aFamilyWithEverything();
        HttpHeaders asksForHtml = staff(trust, "trust-leader");
        asksForHtml.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));

        ResponseEntity<String> page = get("/api/families/" + families.familyId() + "/export", asksForHtml);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        String html = page.getBody();
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("<script")
                        .doesNotContain("src=").doesNotContain("href=");
        assertThat(html).contains("<h3>Carer added</h3>", "<h3>Barrier recorded</h3>", "<h3>Contact logged</h3>",
                                  "<h3>Referral made</h3>", "<h3>Message sent</h3>",
                                  "<dt>Parental responsibility</dt><dd>yes</dd>",
                                  "Struggles with the stairs at the gate", "1 July 2025, 09:30", "4 May 2017");
        // Carers and children by name, never by id; the other family's copy withheld.
        assertThat(html).contains("<dt>Carer</dt><dd>Wanjiru Nyambura</dd>", "<dt>Child</dt><dd>Baraka Nyambura</dd>")
                        .doesNotContain(families.carerId()).doesNotContain(families.childId())
                        .contains(FamilyDataOpener.WITHHELD.replace("'", "&#39;"))
                        .doesNotContain(families.otherCarerId()).doesNotContain("Okonkwo");

        ResponseEntity<String> byParameter = get("/api/families/" + families.familyId() + "/export?format=html",
                                                 staff(trust, "school-leader", NORTH));
        assertThat(byParameter.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();

        ResponseEntity<String> unknownFormat = get("/api/families/" + families.familyId() + "/export?format=pdf",
                                                   staff(trust, "school-leader", NORTH));
        assertThat(unknownFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownFormat.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) JsonPath.read(unknownFormat.getBody(), "$.field")).isEqualTo("format");
    }

    @Test
    void onlyLeadersOfTheFamilysSchoolOrTrustExportAndAnErasedFamilyHasNothing() {
        Families families = aFamilyWithEverything();
        String export = "/api/families/" + families.familyId() + "/export";

        ResponseEntity<String> teacher = get(export, staff(trust, "teacher", NORTH));
        assertThat(teacher.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(teacher.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(export, staff(trust, "key-worker", NORTH)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(export, staff(trust, "school-leader", SOUTH)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(export, staff(otherTrust, "trust-leader")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders htmlFromAnotherSchool = staff(trust, "school-leader", SOUTH);
        htmlFromAnotherSchool.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(get(export, htmlFromAnotherSchool).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/families/" + UUID.randomUUID() + "/export", staff(trust, "trust-leader"))
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(export, staff(trust, "trust-leader")).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(post("/api/families/" + families.familyId() + "/erasure", Map.of("reason", "SUBJECT_REQUEST"),
                        staff(trust, "school-leader", NORTH)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> afterErasure = get(export, staff(trust, "trust-leader"));
        assertThat(afterErasure.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(afterErasure.getBody()).doesNotContain("Nyambura").doesNotContain("07700 900321");
        assertThat(get("/api/families/" + families.otherFamilyId() + "/export", staff(trust, "trust-leader"))
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String register(String name) {
        ResponseEntity<String> registered = post("/api/families", Map.of("schoolUrn", NORTH, "familyName", name),
                                                 staff(trust, "key-worker", NORTH));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(registered.getBody(), "$.familyId");
    }

    private String created(String path, Map<String, Object> body) {
        ResponseEntity<String> created = post(path, body, staff(trust, "key-worker", NORTH));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return JsonPath.read(created.getBody(), "$.id");
    }

    private static HttpHeaders staff(String trustId, String role, String... schools) {
        return TestTokens.bearer(TestTokens.staff(trustId, role, role + "-1", schools));
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        HttpHeaders withBody = new HttpHeaders(headers);
        withBody.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, withBody), String.class);
    }
}
