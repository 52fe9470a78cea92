package org.homelink.family.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fictional trust to try Homelink with: the Riverbend Learning Trust, a primary and a secondary school, and about
 * fifty families with their carers (in several languages, by several channels, some needing an interpreter),
 * children across the year groups, some barriers, consents, key workers and words of their own. Everything is
 * created through the family API, as a school's own front-end would, at the service or through the gateway.
 * <p>
 * Every name is invented. Phone numbers are in Ofcom's range kept for drama (07700 900000 to 07700 900999), email
 * addresses are at example.org, and the schools' URNs and postcodes are made up, so none of it reaches anyone real.
 * <p>
 * Loading twice does not double anything: the trust and its schools have fixed ids, a trust that already has its
 * families is left as it is, and every POST carries an Idempotency-Key made from what it creates, so a load that
 * stopped half-way can be run again within a day and picks up where it stopped. The data is fixed, not random: the
 * same families every time, set in the school year 2025 to 2026.
 */
public final class DemoTrust {

    public static final String TRUST_ID = "demo-riverbend";
    public static final String PRIMARY = "990101";
    public static final String SECONDARY = "990102";
    public static final int FAMILIES = 50;

    private static final Logger log = LoggerFactory.getLogger(DemoTrust.class);
    private static final String FAMILIES_PATH = "/api/families";

    private final RestClient http;

    /** Loads through the API at {@code baseUrl} with a trust leader's access token of the demo trust. */
    public DemoTrust(String baseUrl, String bearerToken) {
        this.http = RestClient.builder().baseUrl(baseUrl)
                              .defaultHeaders(headers -> headers.setBearerAuth(bearerToken))
                              .build();
    }

    /** Loads the demo trust from {@code http://localhost:8081}, or from the base URL given. */
    public static void main(String[] args) {
        int families = new DemoTrust(args.length > 0 ? args[0] : "http://localhost:8081", System.getenv("HOMELINK_TOKEN")).load();
        log.info("The demo trust {} has {} families", TRUST_ID, families);
    }

    /** Creates whatever of the demo trust is missing; answers how many families the trust has. */
    public int load() {
        registerTrust();
        int existing = familyCount();
        if (existing >= FAMILIES) {
            return existing;
        }
        loadFamilies();
        return familyCount();
    }

    void registerTrust() {
        createUnlessRegistered(FAMILIES_PATH + "/trusts",
                               Map.of("trustId", TRUST_ID, "name", "Riverbend Learning Trust"));
        createUnlessRegistered(FAMILIES_PATH + "/trusts/" + TRUST_ID + "/schools",
                               Map.of("schoolUrn", PRIMARY, "name", "Riverbend Meadow Primary School",
                                      "phase", "PRIMARY", "postcode", "RB1 4QX"));
        createUnlessRegistered(FAMILIES_PATH + "/trusts/" + TRUST_ID + "/schools",
                               Map.of("schoolUrn", SECONDARY, "name", "Riverbend Academy", "phase", "SECONDARY",
                                      "postcode", "RB2 7HT"));
    }

    void loadFamilies() {
        Random random = new Random(2026);
        for (int number = 1; number <= FAMILIES; number++) {
            loadFamily(number, random);
        }
    }

    private void loadFamily(int number, Random random) {
        Community community = COMMUNITIES.get(number % COMMUNITIES.size());
        String surname = pick(community.surnames(), random);
        boolean secondary = random.nextInt(3) == 0;
        String key = "demo-family-" + number;
        String familyId = post(key, FAMILIES_PATH, Map.of(
                "schoolUrn", secondary ? SECONDARY : PRIMARY,
                "familyName", "The " + surname + " family")).path("familyId").asText();
        String path = FAMILIES_PATH + "/" + familyId;

        List<String> carerIds = new ArrayList<>();
        int carers = 1 + random.nextInt(2);
        for (int c = 0; c < carers; c++) {
            carerIds.add(post(key + "-carer-" + c, path + "/carers",
                              carer(number, c, surname, community, random)).path("id").asText());
        }

        int children = 1 + random.nextInt(3);
        for (int c = 0; c < children; c++) {
            int year = c == 0 && secondary ? 7 + random.nextInt(7) : random.nextInt(secondary ? 14 : 7);
            post(key + "-child-" + c, path + "/children", Map.of(
                    "name", pick(CHILD_NAMES, random) + " " + surname,
                    "dateOfBirth", bornIn(year, random).toString(),
                    "yearGroup", year == 0 ? "RECEPTION" : "YEAR_" + year,
                    "send", random.nextInt(6) == 0,
                    "schoolUrn", year >= 7 ? SECONDARY : PRIMARY,
                    "enrolledOn", "2025-09-03"));
        }

        for (String barrier : barriers(community, random)) {
            String barrierId = post(key + "-barrier-" + barrier, path + "/barriers", Map.of(
                    "barrier", barrier, "note", BARRIER_NOTES.get(barrier))).path("id").asText();
            if (random.nextInt(4) == 0) {
                post(key + "-resolved-" + barrier, path + "/barriers/" + barrierId + "/resolution",
                     Map.of("note", "Talked it through at a coffee morning; much better since"));
            }
        }

        if (random.nextBoolean()) {
            post(key + "-consent-photographs", path + "/consents/given", Map.of(
                    "purpose", "PHOTOGRAPHS", "carerId", carerIds.get(0), "givenOn", "2025-09-10"));
        }
        if (random.nextInt(3) == 0) {
            post(key + "-consent-partners", path + "/consents/given", Map.of(
                    "purpose", "SHARING_WITH_PARTNERS", "carerId", carerIds.get(0), "givenOn", "2025-10-01"));
        }
        if (random.nextInt(3) > 0) {
            http.put().uri(path + "/key-worker").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("staffId", secondary ? "demo-kw-academy" : "demo-kw-meadow"))
                .retrieve().toBodilessEntity();
        }
        if (random.nextInt(4) == 0) {
            post(key + "-voice", path + "/voice", Map.of(
                    "carerId", carerIds.get(0), "words", pick(VOICES, random)));
        }
    }

    private Map<String, Object> carer(int family, int carer, String surname, Community community, Random random) {
        String channel = pick(community.channels(), random);
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("preferredChannel", channel);
        preferences.put("preferredLanguage", community.language());
        preferences.put("needsInterpreter", !community.language().equals("en") && random.nextInt(3) == 0);
        preferences.put("prefersSpokenContact", random.nextInt(4) == 0);
        preferences.put("reachableWhen", pick(REACHABLE, random));
        if (random.nextInt(8) == 0) {
            preferences.put("accessibilityNeeds", "Step-free access; a seat near the door");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", pick(community.firstNames(), random) + " " + surname);
        body.put("relationship", carer == 0 ? pick(FIRST_CARERS, random) : pick(OTHER_CARERS, random));
        body.put("parentalResponsibility", carer == 0 || random.nextBoolean());
        body.put("phone", String.format("07700 900%03d", (family * 2 + carer) % 1000));
        if (channel.equals("EMAIL") || random.nextBoolean()) {
            body.put("email", "carer" + family + "." + carer + "@example.org");
        }
        body.put("address", Map.of("line1", (family * 3) + " " + pick(STREETS, random), "town", "Riverbend",
                                   "postcode", "RB" + (1 + family % 4) + " " + (family % 9 + 1) + "DX"));
        body.put("preferences", preferences);
        return body;
    }

    private static List<String> barriers(Community community, Random random) {
        List<String> barriers = new ArrayList<>();
        if (!community.language().equals("en") && random.nextInt(3) == 0) {
            barriers.add("COMMUNICATION");
        }
        int other = random.nextInt(10);
        if (other < 4) {
            barriers.add(OTHER_BARRIERS.get(other));
        }
        return barriers;
    }

    /** A date of birth that puts a child in this year group (0 for Reception) in the school year 2025 to 2026. */
    private static LocalDate bornIn(int yearGroup, Random random) {
        return LocalDate.of(2020 - yearGroup, 9, 1).plusDays(random.nextInt(365));
    }

    private void createUnlessRegistered(String path, Map<String, Object> body) {
        try {
            http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.UnprocessableEntity alreadyRegistered) {
            // Registered by an earlier load: nothing to do.
        }
    }

    private JsonNode post(String idempotencyKey, String path, Map<String, Object> body) {
        return http.post().uri(path).header("Idempotency-Key", idempotencyKey)
                   .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
    }

    private int familyCount() {
        JsonNode page = http.get().uri(FAMILIES_PATH + "?size=1").retrieve().body(JsonNode.class);
        return page.path("totalItems").asInt();
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    private record Community(String language, List<String> firstNames, List<String> surnames,
                             List<String> channels) {
    }

    private static final List<Community> COMMUNITIES = List.of(
            new Community("en", List.of("Sarah", "James", "Leanne", "Darren", "Emma", "Lee", "Gemma", "Craig"),
                          List.of("Thorncliffe", "Ashbury", "Pellow", "Marchbank", "Fenwright", "Holloway"),
                          List.of("APP", "EMAIL", "SMS", "PHONE_CALL")),
            new Community("so", List.of("Amina", "Hodan", "Faisal", "Ilhan", "Abdirahman", "Sahra"),
                          List.of("Warsame", "Abdillahi", "Farah", "Jama"),
                          List.of("PHONE_CALL", "IN_PERSON", "SMS")),
            new Community("pl", List.of("Agnieszka", "Tomasz", "Katarzyna", "Piotr"),
                          List.of("Nowacki", "Zielinski", "Wozniak"),
                          List.of("SMS", "EMAIL", "APP")),
            new Community("ur", List.of("Nadia", "Imran", "Shazia", "Tariq", "Rubina"),
                          List.of("Qureshi", "Akhtar", "Siddiqui"),
                          List.of("PHONE_CALL", "IN_PERSON", "SMS")),
            new Community("en", List.of("Chloe", "Ryan", "Kayleigh", "Dean", "Hannah"),
                          List.of("Brightwell", "Cottam", "Ravensworth", "Tillman"),
                          List.of("APP", "SMS", "EMAIL")),
            new Community("ro", List.of("Ioana", "Mihai", "Elena", "Andrei"),
                          List.of("Popa", "Dumitrescu", "Stanciu"),
                          List.of("SMS", "PHONE_CALL")),
            new Community("ar", List.of("Layla", "Omar", "Yasmin", "Karim"),
                          List.of("Haddad", "Mansour", "Khalil"),
                          List.of("IN_PERSON", "PHONE_CALL", "SMS")),
            new Community("bn", List.of("Rumana", "Shahid", "Nasrin", "Jamal"),
                          List.of("Chowdhury", "Miah", "Uddin"),
                          List.of("PHONE_CALL", "IN_PERSON")),
            new Community("pt", List.of("Ana", "Joao", "Mariana", "Tiago"),
                          List.of("Carvalho", "Ferreira", "Pereira"),
                          List.of("SMS", "APP", "EMAIL")));

    private static final List<String> CHILD_NAMES = List.of(
            "Noah", "Aisha", "Leo", "Maya", "Zain", "Ruby", "Idris", "Lena", "Kai", "Safiya", "Theo", "Nina", "Yusuf",
            "Ivy", "Adam", "Zara", "Eli", "Hana", "Sami", "Lola");
    private static final List<String> FIRST_CARERS = List.of("mother", "father", "mother", "father", "grandmother",
                                                             "foster carer");
    private static final List<String> OTHER_CARERS = List.of("father", "stepmother", "stepfather", "grandfather",
                                                             "aunt", "older sister");
    private static final List<String> STREETS = List.of("Mill Lane", "Orchard Road", "Canal Street", "Beech Grove",
                                                        "Station Road", "Weaver's Way", "Kingfisher Close");
    private static final List<String> REACHABLE = List.of(
            "Weekdays after 3pm", "Works night shifts: mornings are best", "Any time", "Weekends only",
            "Before 8am or after 6pm", "Lunchtimes");
    private static final List<String> OTHER_BARRIERS = List.of(
            "TIME_CONSTRAINTS", "NEGATIVE_PAST_EXPERIENCE", "LOW_CONFIDENCE", "INACCESSIBLE_ENVIRONMENT");
    private static final Map<String, String> BARRIER_NOTES = Map.of(
            "COMMUNICATION", "Letters home are not read; English is a second language",
            "TIME_CONSTRAINTS", "Both carers work shifts; cannot come to daytime events",
            "NEGATIVE_PAST_EXPERIENCE", "Felt unheard at a previous school",
            "LOW_CONFIDENCE", "Finds the school office intimidating",
            "INACCESSIBLE_ENVIRONMENT", "Uses a wheelchair; the main entrance has steps");
    private static final List<String> VOICES = List.of(
            "Please ring rather than send letters: I can talk better than I can read English.",
            "We would like to know what the children are learning so we can help at home.",
            "Mornings are hard with three children at two schools; please don't judge us for being late.",
            "My son is happier this year. Thank you to his teacher.");
}
