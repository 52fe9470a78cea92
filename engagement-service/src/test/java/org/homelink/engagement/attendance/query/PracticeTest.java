package org.homelink.engagement.attendance.query;

import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.ActivitySummary.Meeting;
import org.homelink.engagement.families.query.EngagementFamily;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which day a family first met the school in a practice: its own school's, of the kind asked, the earliest. */
class PracticeTest {

    private static final String SCHOOL = "960101";
    private static final String OTHER_SCHOOL = "960102";

    @Test
    void aPracticeIsNamedByAKindOfContactOrOfActivity() {
        assertThat(Practice.named("HOME_VISIT")).contains(new Practice(ContactKind.HOME_VISIT, null));
        assertThat(Practice.named("coffee_morning")).contains(new Practice(null, ActivityKind.COFFEE_MORNING));
        assertThat(Practice.named("TEA_PARTY")).isEmpty();
        assertThat(Practice.named(null)).isEmpty();
    }

    @Test
    void theFirstHomeVisitIsTheEarliestThisSchoolLogged() {
        EngagementFamily family = family(List.of(), List.of(
                contact(ContactKind.HOME_VISIT, SCHOOL, "2026-06-10T10:00:00Z"),
                contact(ContactKind.HOME_VISIT, OTHER_SCHOOL, "2026-05-05T10:00:00Z"),
                contact(ContactKind.PHONE_CALL, SCHOOL, "2026-05-06T10:00:00Z"),
                // half past midnight on 2 June in London, where the school counts its days
                contact(ContactKind.HOME_VISIT, SCHOOL, "2026-06-01T23:30:00Z")));

        assertThat(Practice.named("HOME_VISIT").orElseThrow().firstDay(family, SCHOOL, Map.of()))
                .contains(LocalDate.of(2026, 6, 2));
        assertThat(Practice.named("MEETING").orElseThrow().firstDay(family, SCHOOL, Map.of())).isEmpty();
    }

    @Test
    void theFirstCoffeeMorningIsTheEarliestOccurrenceSomeoneOfTheFamilyCameTo() {
        ActivitySummary weekly = activity("weekly", ActivityKind.COFFEE_MORNING, "2026-01-06T09:00:00Z",
                                          "2026-01-13T09:00:00Z");
        ActivitySummary later = activity("later", ActivityKind.COFFEE_MORNING, "2026-01-20T09:00:00Z");
        ActivitySummary workshop = activity("workshop", ActivityKind.WORKSHOP, "2026-01-02T09:00:00Z");
        EngagementFamily family = family(List.of(cameTo("weekly", List.of(2)), cameTo("later", List.of(1)),
                                                 cameTo("workshop", List.of(1)), cameTo("invited", List.of())),
                                         List.of());
        Map<String, ActivitySummary> activities = Map.of("weekly", weekly, "later", later, "workshop", workshop);

        assertThat(Practice.named("COFFEE_MORNING").orElseThrow().firstDay(family, SCHOOL, activities))
                .as("the second week's, the first one they came to").contains(LocalDate.of(2026, 1, 13));
        assertThat(Practice.named("WORKSHOP").orElseThrow().firstDay(family, SCHOOL, activities))
                .contains(LocalDate.of(2026, 1, 2));
    }

    private static EngagementFamily family(List<EngagementFamily.Invitation> invitations,
                                           List<EngagementFamily.Contact> contacts) {
        return new EngagementFamily("family", "trust", List.of(SCHOOL), "A family", Instant.EPOCH, 1, List.of(),
                                    List.of(), List.of(), null, invitations, contacts);
    }

    private static EngagementFamily.Contact contact(ContactKind kind, String school, String at) {
        return new EngagementFamily.Contact(kind + at, school, kind, ContactDirection.SCHOOL_TO_FAMILY, true,
                                            ContactTone.ROUTINE, Instant.parse(at), "summary", "staff", Set.of(),
                                            null, null, null, null);
    }

    private static EngagementFamily.Invitation cameTo(String activityId, List<Integer> occurrences) {
        return new EngagementFamily.Invitation(activityId, SCHOOL, null, null, Set.of(), false, null, occurrences,
                                               occurrences.isEmpty() ? null : Instant.parse("2026-01-20T10:00:00Z"));
    }

    private static ActivitySummary activity(String id, ActivityKind kind, String... starts) {
        List<Meeting> meetings = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            Instant start = Instant.parse(starts[i]);
            meetings.add(new Meeting(i + 1, start, start.plusSeconds(3600), false));
        }
        return new ActivitySummary(id, "trust", SCHOOL, kind, "Title", Set.of(), meetings, 1);
    }
}
