package org.homelink.engagement.reach.query;

import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.EngagementFamily.BarrierNote;
import org.homelink.engagement.families.query.EngagementFamily.Contact;
import org.homelink.engagement.families.query.EngagementFamily.Invitation;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.engagement.reach.query.ReachReport.Reach;
import org.homelink.engagement.reach.query.ReachReport.Split;
import org.homelink.engagement.reach.query.UnderservedFamily.Reason;
import org.homelink.engagement.reach.query.UnderservedFamily.Why;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The arithmetic of reach and of the underserved list, over families and activities already read: no I/O, so it is
 * tested on its own and costs the same on every store.
 */
final class ReachCalculator {

    private ReachCalculator() {
    }

    /**
     * What one family did with one school in one term.
     *
     * @param attendancesByType for each type, the attendances at activities of that type only
     */
    private record Engagement(boolean twoWay, int attendances, Set<InvolvementType> involvement,
                              Map<InvolvementType, Integer> attendancesByType) {
    }

    static ReachReport report(SchoolRoll roll, Term term, List<EngagementFamily> families,
                              Map<String, ActivitySummary> activities) {
        String school = roll.schoolUrn();
        Tally overall = new Tally();
        Map<String, Tally> byYearGroup = new TreeMap<>();
        Map<String, Tally> byBarrier = new TreeMap<>();
        Map<String, Tally> byLanguage = new TreeMap<>();
        Map<String, Tally> byInvolvement = new TreeMap<>();
        for (InvolvementType type : InvolvementType.values()) {
            byInvolvement.put(type.name(), new Tally());
        }
        for (EngagementFamily family : families) {
            Engagement engagement = engagement(family, school, term, activities);
            overall.add(engagement);
            family.yearGroupsAt(school).forEach(group -> tally(byYearGroup, group.name()).add(engagement));
            family.openBarriers().forEach(barrier -> tally(byBarrier, barrier.name()).add(engagement));
            family.languages().forEach(language -> tally(byLanguage, language).add(engagement));
            // Every family counts towards each type's denominator; it is reached by the types it took part in.
            for (InvolvementType type : InvolvementType.values()) {
                Tally typeTally = byInvolvement.get(type.name());
                boolean reached = engagement.involvement().contains(type);
                typeTally.add(new Engagement(reached, engagement.attendancesByType().getOrDefault(type, 0), Set.of(),
                                             Map.of()));
            }
        }
        return new ReachReport(school, roll.name(), term, overall.reach(), splits(byYearGroup), splits(byBarrier),
                               splits(byLanguage), splits(byInvolvement));
    }

    private static Engagement engagement(EngagementFamily family, String school, Term term,
                                         Map<String, ActivitySummary> activities) {
        boolean twoWay = false;
        int attendances = 0;
        Set<InvolvementType> involvement = EnumSet.noneOf(InvolvementType.class);
        Map<InvolvementType, Integer> attendancesByType = new EnumMap<>(InvolvementType.class);
        for (Contact contact : family.contacts()) {
            if (contact.twoWay() && school.equals(contact.schoolUrn()) && term.contains(contact.happenedAt())) {
                twoWay = true;
                involvement.addAll(contact.involvementTypes());
            }
        }
        for (Invitation invitation : family.invitations()) {
            ActivitySummary activity = activities.get(invitation.activityId());
            if (activity == null || !school.equals(activity.schoolUrn())) {
                continue;
            }
            if (invitation.answeredAt() != null && term.contains(invitation.answeredAt())) {
                twoWay = true;
            }
            for (int number : invitation.attended()) {
                Optional<Instant> met = activity.occurrences().stream().filter(m -> m.number() == number)
                                                .map(ActivitySummary.Meeting::start).findFirst();
                if (met.isPresent() && term.contains(met.get())) {
                    attendances++;
                    twoWay = true;
                    involvement.addAll(activity.involvementTypes());
                    activity.involvementTypes().forEach(type -> attendancesByType.merge(type, 1, Integer::sum));
                }
            }
        }
        return new Engagement(twoWay, attendances, involvement, attendancesByType);
    }

    /**
     * Why a family is underserved now, or nothing when it is not.
     *
     * @param now the moment the list is drawn up
     */
    static List<Reason> underserved(EngagementFamily family, SchoolRoll roll, Map<String, ActivitySummary> activities,
                                    Instant now) {
        List<Reason> reasons = new ArrayList<>();
        int weeks = roll.weeksWithoutContact();
        Optional<Instant> last = family.lastTwoWayContact();
        if (last.isEmpty()) {
            reasons.add(new Reason(Why.NO_TWO_WAY_CONTACT, "No two-way contact recorded yet"));
        } else if (last.get().isBefore(now.minus(Duration.ofDays(7L * weeks)))) {
            long since = Duration.between(last.get(), now).toDays() / 7;
            reasons.add(new Reason(Why.NO_TWO_WAY_CONTACT, "No two-way contact for " + since + " weeks (since "
                                                           + day(last.get()) + ")"));
        }
        boolean cameToAny = family.invitations().stream().anyMatch(Invitation::cameToAny);
        // Only invitations the family had the chance to take up: an occurrence met after they were invited.
        long invitedToMet = family.invitations().stream()
                                  .filter(invitation -> invitation.invitedAt() != null)
                                  .filter(invitation -> {
                                      ActivitySummary activity = activities.get(invitation.activityId());
                                      return activity != null && activity.hasMetBetween(invitation.invitedAt(), now);
                                  })
                                  .count();
        if (!cameToAny && invitedToMet >= roll.invitationsWithoutComing()) {
            reasons.add(new Reason(Why.INVITED_BUT_NEVER_CAME, "Invited to " + invitedToMet
                                                               + " activities that have taken place, and came to none"));
        }
        for (BarrierNote barrier : family.barriers()) {
            if (!barrier.open()) {
                continue;
            }
            boolean followedUp = family.contacts().stream()
                                       .anyMatch(contact -> contact.followUpAction() != null
                                                            && !contact.happenedAt().isBefore(barrier.recordedAt()));
            if (!followedUp) {
                reasons.add(new Reason(Why.OPEN_BARRIER_WITHOUT_FOLLOW_UP, "Barrier " + barrier.barrier()
                                       + " recorded on " + day(barrier.recordedAt()) + " with no follow-up since"));
            }
        }
        return reasons;
    }

    private static LocalDate day(Instant moment) {
        return moment.atZone(SchoolTime.ZONE).toLocalDate();
    }

    private static Tally tally(Map<String, Tally> tallies, String value) {
        return tallies.computeIfAbsent(value, v -> new Tally());
    }

    private static List<Split> splits(Map<String, Tally> tallies) {
        return tallies.entrySet().stream().map(entry -> new Split(entry.getKey(), entry.getValue().reach())).toList();
    }

    /** Counts for one group of families as they are added. */
    private static final class Tally {
        private int families;
        private int twoWay;
        private int attended;
        private int attendances;

        void add(Engagement engagement) {
            families++;
            twoWay += engagement.twoWay() ? 1 : 0;
            attended += engagement.attendances() > 0 ? 1 : 0;
            attendances += engagement.attendances();
        }

        Reach reach() {
            return new Reach(families, twoWay, share(twoWay), attended, share(attended), attendances);
        }

        private double share(int count) {
            return families == 0 ? 0 : Math.round(1000.0 * count / families) / 1000.0;
        }
    }

    static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new java.util.HashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
