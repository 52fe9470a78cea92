package org.homelink.engagement.agreements.web;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.agreements.query.AgreementProjection;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.testing.Api;
import org.homelink.engagement.testing.FamilyServiceEvents;
import org.homelink.engagement.testing.ProcessorReplay;
import org.homelink.engagement.testing.Staff;
import org.homelink.engagement.voice.web.PersonalLinks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Home-school agreements over HTTP on the embedded store: a leader publishes, staff send personal links, carers
 * acknowledge through them with no sign-in, staff record a paper form, and "who has not yet" counts them; a new
 * version asks everyone again. Then the walls between schools and trusts, and bad input that stores nothing.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementApiTest {

    private static final String NORTH = "960001";
    private static final String SOUTH = "960002";
    private static final String WEST = "960003";
    private static final String EAST = "960004";
    private static final String AGREEMENTS = "/api/engagement/agreements";

    private final String trust = "agreements-" + UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private FamilyEngagementProjection directory;
    @Autowired
    private EventProcessingConfiguration processing;

    private Api api;
    private String warsame;
    private String okafor;
    private String nowak;
    private String jones;
    private String patel;

    @BeforeAll
    void northsFamiliesAndOneAtSouth() {
        api = new Api(http);
        FamilyServiceEvents familyService = new FamilyServiceEvents(eventStore);
        for (String school : List.of(NORTH, SOUTH, WEST, EAST)) {
            familyService.registerSchool(trust, school, "School " + school);
        }
        FamilyServiceEvents.Family family = familyService.family(trust, NORTH, "Warsame")
                .carer("amina", ContactChannel.SMS, "so", true)
                .carer("abdi", ContactChannel.PHONE_CALL, "so", false)
                .child("ayaan", YearGroup.YEAR_3);
        warsame = family.seenBy(directory);
        okafor = familyService.family(trust, NORTH, "Okafor").carer("chidi", ContactChannel.EMAIL, "en", false)
                                      .child("ada", YearGroup.YEAR_5).seenBy(directory);
        nowak = familyService.family(trust, NORTH, "Nowak").carer("ola", ContactChannel.SMS, "pl", false)
                                     .child("jan", YearGroup.YEAR_3).seenBy(directory);
        jones = familyService.family(trust, SOUTH, "Jones").carer("dai", ContactChannel.EMAIL, "cy", false)
                                     .child("bryn", YearGroup.YEAR_1).seenBy(directory);
        patel = familyService.family(trust, EAST, "Patel").carer("priya", ContactChannel.EMAIL, "gu", false)
                                     .child("dev", YearGroup.YEAR_2).seenBy(directory);
    }

    @Test
    void publishSendAcknowledgeAndSeeWhoHasNotYet() {
        assertThat(api.post(AGREEMENTS, adoption(NORTH), staff("teacher", NORTH)).getStatusCode())
                .as("leaders publish").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> adopted = api.post(AGREEMENTS, adoption(NORTH), staff("school-leader", NORTH));
        assertThat(adopted.getStatusCode()).as(adopted.getBody()).isEqualTo(HttpStatus.CREATED);
        String agreement = adopted.getHeaders().getLocation().getPath();
        assertThat(api.post(AGREEMENTS, adoption(NORTH), staff("school-leader", NORTH)).getStatusCode())
                .as("one agreement per school").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((Integer) JsonPath.read(api.get(agreement, staff("teacher", NORTH)).getBody(), "$.versionInForce"))
                .isEqualTo(1);

        ResponseEntity<String> sent = api.post(agreement + "/links", Map.of("everyone", true),
                                               staff("teacher", NORTH));
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(sent.getBody(), "$.sent[*].link"))
                .hasSize(4).allMatch(link -> link.startsWith("/api/engagement/agreement-links/"));
        assertThat((List<Boolean>) JsonPath.read(sent.getBody(), "$.sent[*].byStaff"))
                .as("Abdi, who prefers a call, is told by staff, listed last").containsExactly(false, false, false, true);
        assertThat((Integer) JsonPath.read(api.post(agreement + "/links", Map.of("everyone", true),
                                                    staff("teacher", NORTH)).getBody(), "$.sent.length()"))
                .as("one link per carer per version").isZero();
        Map<String, String> links = linksByCarer(sent.getBody());

        // Amina reads it in Somali and acknowledges, with no request context at all.
        ResponseEntity<String> read = api.get(links.get("amina"), new HttpHeaders());
        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) JsonPath.read(read.getBody(), "$.language")).isEqualTo("so");
        assertThat((Boolean) JsonPath.read(read.getBody(), "$.fallback")).isFalse();
        assertThat((String) JsonPath.read(read.getBody(), "$.text")).isEqualTo("Waxaan kuu sheegi doonnaa.");
        assertThat((Object) JsonPath.read(read.getBody(), "$.acknowledgedAt")).isNull();
        ResponseEntity<String> polish = api.get(links.get("ola"), new HttpHeaders());
        assertThat((String) JsonPath.read(polish.getBody(), "$.language")).as("no Polish text: the fallback")
                                                                          .isEqualTo("en");
        assertThat((Boolean) JsonPath.read(polish.getBody(), "$.fallback")).isTrue();
        assertThat((String) JsonPath.read(api.get(links.get("ola") + "?language=so", new HttpHeaders()).getBody(),
                                          "$.language")).isEqualTo("so");

        ResponseEntity<String> acknowledged = api.post(links.get("amina") + "/acknowledgement", Map.of("version", 1),
                                                       new HttpHeaders());
        assertThat(acknowledged.getStatusCode()).as(acknowledged.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((Boolean) JsonPath.read(acknowledged.getBody(), "$.alreadyAcknowledged")).isFalse();
        ResponseEntity<String> again = api.post(links.get("amina") + "/acknowledgement", null, new HttpHeaders());
        assertThat((Boolean) JsonPath.read(again.getBody(), "$.alreadyAcknowledged")).isTrue();
        assertThat((String) JsonPath.read(again.getBody(), "$.acknowledgedAt"))
                .isEqualTo(JsonPath.read(acknowledged.getBody(), "$.acknowledgedAt"));
        ResponseEntity<String> wrongVersion = api.post(links.get("ola") + "/acknowledgement", Map.of("version", 2),
                                                       new HttpHeaders());
        assertThat(wrongVersion.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(wrongVersion.getBody(), "$.field")).isEqualTo("version");

        ResponseEntity<String> paper = api.post(agreement + "/acknowledgements", Map.of(
                "familyId", okafor, "carerId", "chidi", "method", "PAPER"), staff("office-staff", NORTH));
        assertThat(paper.getStatusCode()).as(paper.getBody()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> paperAgain = api.post(agreement + "/acknowledgements", Map.of(
                "familyId", okafor, "carerId", "chidi", "method", "IN_PERSON"), staff("office-staff", NORTH));
        assertThat(paperAgain.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Boolean) JsonPath.read(paperAgain.getBody(), "$.already")).isTrue();

        String outstanding = api.get(agreement + "/outstanding?schoolUrn=" + NORTH, staff("teacher", NORTH))
                                .getBody();
        assertThat((Integer) JsonPath.read(outstanding, "$.carers.total")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(outstanding, "$.carers.acknowledged")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(outstanding, "$.carers.sentNotAcknowledged")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(outstanding, "$.carers.notSent")).isZero();
        assertThat((List<String>) JsonPath.read(outstanding, "$.items[*].familyId")).containsExactly(nowak, warsame);
        assertThat((List<String>) JsonPath.read(outstanding, "$.items[1].carers[?(@.carerId == 'abdi')].channel"))
                .containsExactly("PHONE_CALL");
        assertThat((List<String>) JsonPath.read(outstanding, "$.items[1].carers[?(@.carerId == 'abdi')].linkSentAt"))
                .hasSize(1).doesNotContainNull();
        String yearFive = api.get(agreement + "/outstanding?schoolUrn=" + NORTH + "&yearGroups=YEAR_5",
                                  staff("teacher", NORTH)).getBody();
        assertThat((Integer) JsonPath.read(yearFive, "$.totalItems")).isZero();
        assertThat((Integer) JsonPath.read(yearFive, "$.families.acknowledged")).isEqualTo(1);

        String family = api.get("/api/engagement/families/" + warsame + "/agreements", staff("teacher", NORTH))
                           .getBody();
        assertThat((List<String>) JsonPath.read(family, "$[0].carers[?(@.carerId == 'amina')].acknowledgements[0]"
                                                        + ".method")).containsExactly("PERSONAL_LINK");

        // A new version in force: everyone is asked again, and the same links open it.
        ResponseEntity<String> second = api.post(agreement + "/versions", version("Homework on Fridays", today),
                                                 staff("school-leader", NORTH));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getHeaders().getLocation().getPath()).isEqualTo(agreement + "/versions/2");
        String afresh = api.get(agreement + "/outstanding?schoolUrn=" + NORTH, staff("teacher", NORTH)).getBody();
        assertThat((Integer) JsonPath.read(afresh, "$.version")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(afresh, "$.carers.acknowledged")).isZero();
        assertThat((Integer) JsonPath.read(afresh, "$.carers.notSent")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(afresh, "$.families.outstanding")).isEqualTo(3);
        String reread = api.get(links.get("amina"), new HttpHeaders()).getBody();
        assertThat((Integer) JsonPath.read(reread, "$.version")).isEqualTo(2);
        assertThat((String) JsonPath.read(reread, "$.changes")).isEqualTo("Homework on Fridays");
        assertThat((Integer) JsonPath.read(api.post(links.get("amina") + "/acknowledgement", Map.of("version", 2),
                                                    new HttpHeaders()).getBody(), "$.version")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(api.get(agreement + "/outstanding?schoolUrn=" + NORTH + "&version=1",
                                                   staff("teacher", NORTH)).getBody(), "$.carers.acknowledged"))
                .as("the first version's acknowledgements stay on record").isEqualTo(2);
        assertThat((Integer) JsonPath.read(api.post(agreement + "/links", Map.of("everyone", true),
                                                    staff("teacher", NORTH)).getBody(), "$.sent.length()"))
                .as("a link each for the new version").isEqualTo(4);

        // The read model rebuilt from the log, as an operator would: every view answers as before.
        List<String> views = List.of(agreement, agreement + "/outstanding?schoolUrn=" + NORTH,
                                     agreement + "/outstanding?schoolUrn=" + NORTH + "&version=1",
                                     "/api/engagement/families/" + warsame + "/agreements", AGREEMENTS);
        Map<String, String> before = new HashMap<>();
        views.forEach(view -> before.put(view, api.get(view, staff("teacher", NORTH)).getBody()));
        String link = api.get(links.get("amina"), new HttpHeaders()).getBody();

        ProcessorReplay.fromTheStart(processing, eventStore, AgreementProjection.PROCESSING_GROUP);

        for (String view : views) {
            assertThat(api.get(view, staff("teacher", NORTH)).getBody()).as(view).isEqualTo(before.get(view));
        }
        assertThat(api.get(links.get("amina"), new HttpHeaders()).getBody()).isEqualTo(link);
    }

    @Test
    void anUnknownLinkIsNotFoundWhateverItLooksLike() {
        ResponseEntity<String> guessed = api.get("/api/engagement/agreement-links/" + PersonalLinks.newToken(),
                                                 new HttpHeaders());
        ResponseEntity<String> garbled = api.get("/api/engagement/agreement-links/not-a-link", new HttpHeaders());
        ResponseEntity<String> posted = api.post("/api/engagement/agreement-links/not-a-link/acknowledgement", null,
                                                 new HttpHeaders());
        assertThat(List.of(guessed.getStatusCode(), garbled.getStatusCode(), posted.getStatusCode()))
                .containsOnly(HttpStatus.NOT_FOUND);
        assertThat((String) JsonPath.read(guessed.getBody(), "$.detail"))
                .isEqualTo(JsonPath.read(garbled.getBody(), "$.detail"))
                .isEqualTo(JsonPath.read(posted.getBody(), "$.detail"));
        assertThat(api.get(AGREEMENTS, new HttpHeaders()).getStatusCode())
                .as("staff views still need the context").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTrustsAgreementStaysWithinItsSchoolsAndTrust() {
        ResponseEntity<String> adopted = api.post(AGREEMENTS, Map.of("schoolUrns", List.of(SOUTH, WEST),
                                                                     "firstVersion", version(null, today)),
                                                  Staff.at(trust, "trust-leader", "leader-1"));
        assertThat(adopted.getStatusCode()).as(adopted.getBody()).isEqualTo(HttpStatus.CREATED);
        String agreement = adopted.getHeaders().getLocation().getPath();

        ResponseEntity<String> southHead = api.post(agreement + "/versions", version("Changed", today),
                                                    staff("school-leader", SOUTH));
        assertThat(southHead.getStatusCode()).as("West's too").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(southHead.getBody(), "$.field")).isEqualTo("schoolUrn");
        assertThat(api.get(agreement, staff("teacher", SOUTH)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get(agreement, staff("teacher", NORTH)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(AGREEMENTS, staff("teacher", NORTH)).getBody()).doesNotContain(agreement.substring(
                AGREEMENTS.length() + 1));
        HttpHeaders stranger = Staff.at("hilltop-" + trust, "trust-leader", "stranger", SOUTH);
        assertThat(api.get(agreement, stranger).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(agreement + "/outstanding?schoolUrn=" + SOUTH, stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post(agreement + "/links", Map.of("everyone", true), stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post(agreement + "/acknowledgements", Map.of("familyId", jones, "carerId", "dai",
                                                                    "method", "PAPER"), stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/engagement/families/" + jones + "/agreements", stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> westOnly = api.get(agreement + "/outstanding?schoolUrn=" + WEST,
                                                  staff("teacher", SOUTH));
        assertThat(westOnly.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(westOnly.getBody(), "$.field")).isEqualTo("schoolUrn");
        ResponseEntity<String> northFamily = api.post(agreement + "/acknowledgements", Map.of(
                "familyId", warsame, "carerId", "amina", "method", "PAPER"), staff("teacher", SOUTH));
        assertThat((String) JsonPath.read(northFamily.getBody(), "$.field")).isEqualTo("familyId");
        ResponseEntity<String> sent = api.post(agreement + "/links", Map.of("everyone", true),
                                               staff("teacher", SOUTH));
        assertThat((List<String>) JsonPath.read(sent.getBody(), "$.sent[*].familyId")).containsExactly(jones);
        assertThat(api.get(agreement + "/outstanding?schoolUrn=" + SOUTH,
                           Staff.at(trust, "trust-leader", "leader-1")).getStatusCode()).isEqualTo(HttpStatus.OK);

        HttpHeaders partner = Staff.partner("org-1", "worker-1");
        assertThat(api.get(agreement, partner).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badInputIsNamedAndStoresNothing() {
        HttpHeaders head = staff("school-leader", EAST);
        ResponseEntity<String> noTexts = api.post(AGREEMENTS, Map.of("schoolUrns", List.of(EAST), "firstVersion",
                Map.of("title", "Ours", "texts", List.of(), "fallbackLanguage", "en", "takesEffect",
                       today.toString())), head);
        assertThat(noTexts.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(noTexts.getBody(), "$.field")).isEqualTo("firstVersion.texts");
        Map<String, Object> noFallbackText = new HashMap<>(version(null, today));
        noFallbackText.put("fallbackLanguage", "pl");
        ResponseEntity<String> fallback = api.post(AGREEMENTS, Map.of("schoolUrns", List.of(EAST),
                                                                      "firstVersion", noFallbackText), head);
        assertThat(fallback.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(fallback.getBody(), "$.field")).isEqualTo("fallbackLanguage");
        Map<String, Object> sameLanguageTwice = new HashMap<>(version(null, today));
        sameLanguageTwice.put("texts", List.of(Map.of("language", "EN", "text", "One"),
                                               Map.of("language", "en", "text", "Two")));
        assertThat((String) JsonPath.read(api.post(AGREEMENTS, Map.of("schoolUrns", List.of(EAST), "firstVersion",
                                                                      sameLanguageTwice), head).getBody(), "$.field"))
                .isEqualTo("texts");
        assertThat((String) JsonPath.read(api.post(AGREEMENTS, Map.of("schoolUrns", List.of("96000"), "firstVersion",
                                                                      version(null, today)), head).getBody(),
                                          "$.field")).startsWith("schoolUrns");
        assertThat(api.get(AGREEMENTS, head).getBody()).as("nothing stored").isEqualTo("[]");

        ResponseEntity<String> adopted = api.post(AGREEMENTS, adoption(EAST), head);
        assertThat(adopted.getStatusCode()).as("nothing in the way").isEqualTo(HttpStatus.CREATED);
        String agreement = adopted.getHeaders().getLocation().getPath();
        ResponseEntity<String> unsaid = api.post(agreement + "/versions", version(null, today), head);
        assertThat(unsaid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(unsaid.getBody(), "$.field")).isEqualTo("changes");
        ResponseEntity<String> byLink = api.post(agreement + "/acknowledgements", Map.of(
                "familyId", patel, "carerId", "priya", "method", "PERSONAL_LINK"), head);
        assertThat(byLink.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(byLink.getBody(), "$.field")).isEqualTo("method");
        ResponseEntity<String> noSuchCarer = api.post(agreement + "/acknowledgements", Map.of(
                "familyId", patel, "carerId", "someone", "method", "PAPER"), head);
        assertThat((String) JsonPath.read(noSuchCarer.getBody(), "$.field")).isEqualTo("carerId");
        ResponseEntity<String> badId = api.post(agreement + "/acknowledgements", Map.of(
                "familyId", "no such/family", "carerId", "chidi", "method", "PAPER"), head);
        assertThat((String) JsonPath.read(badId.getBody(), "$.field")).isEqualTo("familyId");
        assertThat(api.get(agreement + "/outstanding?schoolUrn=" + EAST + "&page=-1", head).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(api.get(agreement + "/outstanding?schoolUrn=" + EAST + "&yearGroups=Y9",
                                                  head).getBody(), "$.field")).isEqualTo("yearGroups");
        assertThat((Integer) JsonPath.read(api.get(agreement, head).getBody(), "$.version"))
                .as("no version published, nothing recorded").isEqualTo(1);
    }

    private Map<String, Object> adoption(String school) {
        return Map.of("schoolUrns", List.of(school), "firstVersion", version(null, today.minusDays(7)));
    }

    private static Map<String, Object> version(String changes, LocalDate takesEffect) {
        Map<String, Object> version = new HashMap<>(Map.of(
                "title", "Our home-school agreement",
                "texts", List.of(Map.of("language", "EN", "text", "We will tell you how your child is."),
                                 Map.of("language", "so", "text", "Waxaan kuu sheegi doonnaa.")),
                "fallbackLanguage", "en", "takesEffect", takesEffect.toString()));
        if (changes != null) {
            version.put("changes", changes);
        }
        return version;
    }

    private static Map<String, String> linksByCarer(String sent) {
        List<String> carers = JsonPath.read(sent, "$.sent[*].carerId");
        List<String> links = JsonPath.read(sent, "$.sent[*].link");
        Map<String, String> byCarer = new HashMap<>();
        for (int i = 0; i < carers.size(); i++) {
            byCarer.put(carers.get(i), links.get(i));
        }
        return byCarer;
    }

    private HttpHeaders staff(String role, String... schools) {
        return Staff.at(trust, role, "staff-1", schools);
    }
}
