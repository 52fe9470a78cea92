package org.homelink.engagement.benchmark;

import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.SchoolRoll;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A trust's worth of engagement read model, shaped as the projection writes it: families with carers, children,
 * barriers, a term's invitations, answers, attendance and contacts; each school's roll and its activities. Seeded, so
 * every run measures the same data.
 */
final class TrustOfFamilies {

    /** About what staff write after a conversation: a few sentences. */
    private static final String SUMMARY = "Spoke with mum at the gate about the mornings: getting three children "
            + "out of the door is hard while dad works nights. She would like to know more about the breakfast club "
            + "and whether there is help with the cost. Agreed to send the form home in Somali and to ring on Friday.";
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "en", "so", "pl", "ur", "ar",
            "ro", "pa", "bn"};
    private static final YearGroup[] PRIMARY = {YearGroup.RECEPTION, YearGroup.YEAR_1, YearGroup.YEAR_2,
            YearGroup.YEAR_3, YearGroup.YEAR_4, YearGroup.YEAR_5, YearGroup.YEAR_6};

    final String trustId;
    final List<SchoolRoll> rolls = new ArrayList<>();
    final List<ActivitySummary> activities = new ArrayList<>();
    final List<EngagementFamily> families = new ArrayList<>();

    TrustOfFamilies(String trustId, int schools, int familiesPerSchool, int activitiesPerSchool, Instant termStart,
                    long seed) {
        this.trustId = trustId;
        Random random = new Random(seed);
        for (int s = 0; s < schools; s++) {
            String urn = String.valueOf(700000 + s);
            List<String> schoolActivities = new ArrayList<>();
            for (int a = 0; a < activitiesPerSchool; a++) {
                String activityId = urn + "-activity-" + a;
                Instant start = termStart.plus(Duration.ofDays(3L * a + 1));
                activities.add(new ActivitySummary(activityId, trustId, urn, ActivityKind.values()[a % 8],
                                                   "Activity " + a,
                                                   Set.of(InvolvementType.values()[a % 6]),
                                                   List.of(new ActivitySummary.Meeting(1, start,
                                                                                       start.plusSeconds(3600),
                                                                                       a % 15 == 14)), 0));
                schoolActivities.add(activityId);
            }
            List<String> familyIds = new ArrayList<>();
            for (int f = 0; f < familiesPerSchool; f++) {
                String familyId = urn + "-family-" + f;
                familyIds.add(familyId);
                families.add(family(random, familyId, urn, schoolActivities, termStart));
            }
            rolls.add(new SchoolRoll(urn, trustId, "School " + urn, familyIds, null, null, -1L));
        }
    }

    private EngagementFamily family(Random random, String familyId, String urn, List<String> activities,
                                    Instant termStart) {
        List<EngagementFamily.Carer> carers = new ArrayList<>();
        int carerCount = 1 + random.nextInt(2);
        for (int c = 0; c < carerCount; c++) {
            String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
            carers.add(new EngagementFamily.Carer(familyId + "-carer-" + c, "Carer " + c, true,
                                                  ContactChannel.values()[random.nextInt(5)], language,
                                                  !language.equals("en") && random.nextInt(3) == 0,
                                                  random.nextInt(6) == 0));
        }
        List<EngagementFamily.Child> children = new ArrayList<>();
        int childCount = 1 + random.nextInt(3);
        for (int c = 0; c < childCount; c++) {
            children.add(new EngagementFamily.Child(familyId + "-child-" + c, "Child " + c,
                                                    PRIMARY[random.nextInt(PRIMARY.length)], urn, true));
        }
        List<EngagementFamily.BarrierNote> barriers = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            barriers.add(new EngagementFamily.BarrierNote(familyId + "-barrier", Barrier.values()[random.nextInt(9)],
                                                          termStart.minus(Duration.ofDays(20)), null));
        }
        List<EngagementFamily.Invitation> invitations = new ArrayList<>();
        int invited = random.nextInt(8);
        for (int i = 0; i < invited; i++) {
            String activityId = activities.get(random.nextInt(activities.size()));
            if (invitations.stream().anyMatch(known -> known.activityId().equals(activityId))) {
                continue;
            }
            Instant invitedAt = termStart.plus(Duration.ofDays(random.nextInt(20)));
            boolean answered = random.nextBoolean();
            boolean came = random.nextInt(5) < 2;
            invitations.add(new EngagementFamily.Invitation(
                    activityId, urn, invitedAt, answered ? Answer.values()[random.nextInt(3)] : null,
                    random.nextInt(5) == 0 ? Set.of(WhatWouldHelp.values()[random.nextInt(4)]) : Set.of(), false,
                    answered ? invitedAt.plus(Duration.ofDays(1)) : null, came ? List.of(1) : List.of(),
                    came ? invitedAt.plus(Duration.ofDays(5)) : null));
        }
        List<EngagementFamily.Contact> contacts = new ArrayList<>();
        int contactCount = random.nextInt(5);
        for (int c = 0; c < contactCount; c++) {
            boolean followUp = random.nextInt(5) == 0;
            contacts.add(new EngagementFamily.Contact(
                    familyId + "-contact-" + c, urn, ContactKind.values()[random.nextInt(5)],
                    ContactDirection.values()[random.nextInt(2)], random.nextInt(10) < 7,
                    ContactTone.values()[random.nextInt(3)], termStart.plus(Duration.ofDays(random.nextInt(60))),
                    SUMMARY, "staff-" + random.nextInt(20),
                    Set.of(InvolvementType.values()[random.nextInt(6)]),
                    followUp ? "Ring back" : null, followUp ? LocalDate.of(2026, 11, 1 + random.nextInt(28)) : null,
                    followUp ? "staff-" + random.nextInt(20) : null, null));
        }
        return new EngagementFamily(familyId, trustId, List.of(urn), "Family " + familyId, termStart, 3, carers,
                                    children, barriers, random.nextInt(3) == 0 ? "staff-" + random.nextInt(20) : null,
                                    invitations, contacts);
    }
}
