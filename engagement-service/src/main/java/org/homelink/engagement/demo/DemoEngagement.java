package org.homelink.engagement.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.homelink.engagement.SchoolTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A term's engagement for the demo trust (family-service's {@code DemoTrust}, loaded first), sent through the
 * gateway as a school's front-end would: a weekly coffee morning that began a few weeks ago with who came each
 * week, a family afternoon and a parents' evening to come, and home visits, calls and gate conversations with some
 * families, a few with follow-ups now overdue. Enough for reach, the underserved list and caseloads to show
 * something true.
 * <p>
 * Loading twice does not double anything: it loads only when the term is not complete, and every POST carries an
 * Idempotency-Key made from what it creates. A load that stopped half-way runs again to the end within the day: it
 * reads each school's families from the roll, which the load does not change, in the same order; and each POST's
 * choices come from a random generator seeded by its own key, so the same key always carries the same body.
 */
public final class DemoEngagement {

    static final String TRUST_ID = "demo-riverbend";
    static final String PRIMARY = "990101";
    static final String SECONDARY = "990102";

    private static final Logger log = LoggerFactory.getLogger(DemoEngagement.class);
    private static final String ACTIVITIES = "/api/engagement/activities";
    /**
     * Writes each body with its keys in order: the service knows a body again by its bytes, and Map.of's order
     * changes from one JVM to the next, so a load run again after a stop would otherwise be refused (422).
     */
    private static final ObjectMapper BODIES = JsonMapper.builder()
                                                         .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                                                         .build();

    private final RestClient http;

    /** Loads through the API at {@code baseUrl} with a trust leader's access token of the demo trust. */
    public DemoEngagement(String baseUrl, String bearerToken) {
        this(RestClient.builder().baseUrl(baseUrl).defaultHeaders(headers -> headers.setBearerAuth(bearerToken)));
    }

    /** Over a client of the caller's making, token included: a test's that stops a load half-way. */
    DemoEngagement(RestClient.Builder client) {
        this.http = client.build();
    }

    public static void main(String[] args) {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8082";
        int activities = new DemoEngagement(baseUrl, System.getenv("HOMELINK_TOKEN")).load();
        log.info("The demo trust {} has {} activities", TRUST_ID, activities);
    }

    /**
     * Creates the demo term unless it is complete; answers how many activities the two schools have. The parents'
     * evening comes last, so a load that stopped half-way runs again (its POSTs answered from their keys).
     */
    public int load() {
        if (activityCount(SECONDARY) == 0) {
            LocalDate today = LocalDate.now(SchoolTime.ZONE);
            List<JsonNode> primary = familiesOf(PRIMARY);
            List<JsonNode> secondary = familiesOf(SECONDARY);
            contacts(primary, PRIMARY, "demo-kw-meadow", today);
            contacts(secondary, SECONDARY, "demo-kw-academy", today);
            coffeeMornings(primary, today);
            familyAfternoon(today);
            parentsEvening(today);
        }
        return activityCount(PRIMARY) + activityCount(SECONDARY);
    }

    /** Every Tuesday at 08:45 from five weeks ago, for a school year's worth of weeks; who came each week so far. */
    private void coffeeMornings(List<JsonNode> families, LocalDate today) {
        ZonedDateTime first = today.minusWeeks(5)
                                       .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).atTime(LocalTime.of(8, 45)).atZone(SchoolTime.ZONE);
        Map<String, Object> coffee = new java.util.HashMap<>(Map.of(
                "schoolUrn", PRIMARY, "kind", "COFFEE_MORNING", "title", "Tuesday coffee morning",
                "description", "Tea, toast and a chat with Mrs Okafor, our home-school link worker.",
                "start", first.toInstant().toString(), "end", first.plusMinutes(75).toInstant().toString(),
                "repeat", Map.of("every", "WEEK", "times", 30), "place", "The family room, by the main gate",
                "interpreterLanguages", List.of("so", "pl"),
                "involvementTypes", List.of("PARENTING", "COMMUNICATING")));
        coffee.put("crecheAvailable", true);
        String activity = schedule("demo-coffee-morning", coffee);
        post("demo-coffee-invite", activity + "/invitations", Map.of("everyone", true));
        Instant now = Instant.now();
        for (int week = 1; week <= 5; week++) {
            if (first.plusWeeks(week - 1).toInstant().isAfter(now)) {
                break;
            }
            for (JsonNode family : families) {
                String key = "demo-coffee-" + week + "-" + family.at("/family/familyId").asText();
                if (seededBy(key).nextInt(4) == 0 && family.at("/family/carers").size() > 0) {
                    post(key, activity + "/occurrences/" + week + "/check-ins",
                         Map.of("familyId", family.at("/family/familyId").asText(),
                                "carerIds", List.of(family.at("/family/carers/0/carerId").asText())));
                }
            }
        }
    }

    private void familyAfternoon(LocalDate today) {
        ZonedDateTime start = today.plusWeeks(2)
                                       .with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)).atTime(LocalTime.of(14, 0)).atZone(SchoolTime.ZONE);
        String activity = schedule("demo-family-afternoon", Map.of(
                "schoolUrn", PRIMARY, "kind", "FAMILY_AFTERNOON", "title", "Year 3 family afternoon: Roman shields",
                "start", start.toInstant().toString(), "end", start.plusMinutes(90).toInstant().toString(),
                "place", "Year 3 classrooms", "capacity", 20, "interpreterLanguages", List.of("so"),
                "involvementTypes", List.of("LEARNING_AT_HOME")));
        post("demo-family-afternoon-invite", activity + "/invitations", Map.of("yearGroups", List.of("YEAR_3")));
    }

    private void parentsEvening(LocalDate today) {
        ZonedDateTime start = today.plusWeeks(3)
                                       .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).atTime(LocalTime.of(16, 0)).atZone(SchoolTime.ZONE);
        String activity = schedule("demo-parents-evening", Map.of(
                "schoolUrn", SECONDARY, "kind", "PARENTS_EVENING", "title", "Year 7 parents' evening",
                "start", start.toInstant().toString(), "end", start.plusHours(3).toInstant().toString(),
                "place", "Main hall", "videoLink", "https://meet.example.org/riverbend-year-7",
                "interpreterLanguages", List.of("pl", "ur"), "involvementTypes", List.of("COMMUNICATING")));
        post("demo-parents-evening-invite", activity + "/invitations", Map.of("yearGroups", List.of("YEAR_7")));
        for (String teacher : List.of("demo-teacher-hughes", "demo-teacher-nowak")) {
            post("demo-parents-evening-" + teacher, activity + "/slots", Map.of(
                    "teacherId", teacher, "teacherName", teacher.endsWith("hughes") ? "Mr Hughes" : "Ms Nowak",
                    "from", start.toInstant().toString(), "to", start.plusHours(2).toInstant().toString(),
                    "minutes", 10));
        }
    }

    /** Conversations with about a third of the families over the last weeks; some leave a follow-up, a few overdue. */
    private void contacts(List<JsonNode> families, String school, String keyWorker, LocalDate today) {
        String[] kinds = {"HOME_VISIT", "PHONE_CALL", "GATE_CONVERSATION", "MEETING"};
        String[] tones = {"POSITIVE", "POSITIVE", "ROUTINE", "CONCERN"};
        for (JsonNode family : families) {
            String familyId = family.at("/family/familyId").asText();
            // A family on both schools' rolls has a contact with each: the school is part of what the key names.
            String key = "demo-contact-" + school + "-" + familyId;
            Random random = seededBy(key);
            if (random.nextInt(3) != 0) {
                continue;
            }
            // From the day, not the moment: a load run again later the same day sends the same happenedAt.
            Instant when = today.minusDays(2 + random.nextInt(40)).atTime(LocalTime.of(9 + random.nextInt(7), 0))
                                .atZone(SchoolTime.ZONE).toInstant();
            String tone = tones[random.nextInt(tones.length)];
            Map<String, Object> contact = new java.util.HashMap<>(Map.of(
                    "schoolUrn", school, "kind", kinds[random.nextInt(kinds.length)],
                    "direction", random.nextInt(4) == 0 ? "FAMILY_TO_SCHOOL" : "SCHOOL_TO_FAMILY",
                    "tone", tone, "happenedAt", when.toString(),
                    "summary", tone.equals("CONCERN") ? "Talked about mornings being hard; agreed to look at the "
                                                        + "breakfast club together."
                                                      : "A good chat about how things are going at home and school.",
                    "involvementTypes", List.of(tone.equals("CONCERN") ? "PARENTING" : "COMMUNICATING")));
            if (tone.equals("CONCERN")) {
                contact.put("followUp", Map.of("action", "Send the breakfast club form and ring to check",
                                               "dueOn", when.atZone(SchoolTime.ZONE).toLocalDate().plusDays(7).toString(),
                                               "ownerId", keyWorker));
            }
            post(key, "/api/engagement/families/" + familyId + "/contacts", contact);
        }
    }

    /**
     * The families on the school's roll as engagement-service knows them, by name, once its processor has caught up
     * with the demo. The roll, unlike the underserved list, is the same before, during and after a load.
     */
    private List<JsonNode> familiesOf(String school) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode roll = roll(school);
        // The families arrive by family-service's events; wait until the count stops growing.
        int seen = -1;
        while (roll.size() != seen && System.nanoTime() < deadline) {
            seen = roll.size();
            sleep();
            roll = roll(school);
        }
        List<JsonNode> families = new ArrayList<>();
        for (JsonNode item : roll) {
            families.add(http.get().uri("/api/engagement/families/" + item.path("familyId").asText())
                             .retrieve().body(JsonNode.class));
        }
        return families;
    }

    private JsonNode roll(String school) {
        return http.get().uri("/api/engagement/families?school=" + school).retrieve().body(JsonNode.class);
    }

    /** The same choices for the same key, on every run and every machine (a String's hash is fixed by Java). */
    private static Random seededBy(String idempotencyKey) {
        return new Random(idempotencyKey.hashCode());
    }

    private String schedule(String key, Map<String, Object> body) {
        return ACTIVITIES + "/" + post(key, ACTIVITIES, body).path("activityId").asText();
    }

    private int activityCount(String school) {
        JsonNode activities = http.get().uri(ACTIVITIES + "?school=" + school).retrieve().body(JsonNode.class);
        return activities == null ? 0 : activities.size();
    }

    private JsonNode post(String idempotencyKey, String path, Map<String, Object> body) {
        String json;
        try {
            json = BODIES.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A demo body that is not JSON: " + idempotencyKey, e);
        }
        return http.post().uri(path).header("Idempotency-Key", idempotencyKey)
                   .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(JsonNode.class);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
