package org.homelink.engagement.reach.query;

import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.Caseload;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.EngagementFamily.Contact;
import org.homelink.engagement.families.query.EngagementFamily.Invitation;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.engagement.reach.query.CaseloadView.CaseloadFamily;
import org.homelink.engagement.reach.query.CaseloadView.OpenFollowUp;
import org.homelink.engagement.reach.query.UnderservedFamily.Reason;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The views of reach: a school's reach in a term, a trust's schools side by side, the families a school is not
 * reaching, and a member of staff's caseload. Each reads the families it needs by id and works out the rest in
 * memory ({@link ReachCalculator}); each answers only within the caller's trust and schools.
 */
@Component
public class ReachQueries {

    private final FamilyEngagementProjection directory;
    private final Clock clock;

    public ReachQueries(FamilyEngagementProjection directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public ReachReport reach(RequestContext actor, String schoolUrn, Term term) {
        SchoolRoll roll = rollFor(actor, schoolUrn);
        List<EngagementFamily> families = directory.families(roll.familyIds());
        return ReachCalculator.report(roll, term, families, activitiesOf(families));
    }

    /** Every school of the caller's trust side by side: for trust leaders. */
    public List<ReachReport> trustReach(RequestContext actor, Term term) {
        return directory.rollsOfTrust(actor.trustId()).stream()
                        .filter(roll -> actor.covers(roll.trustId(), Set.of(roll.schoolUrn())))
                        .map(roll -> {
                            List<EngagementFamily> families = directory.families(roll.familyIds());
                            return ReachCalculator.report(roll, term, families, activitiesOf(families));
                        })
                        .toList();
    }

    public UnderservedFamily.Page underserved(RequestContext actor, String schoolUrn, int page, int size) {
        SchoolRoll roll = rollFor(actor, schoolUrn);
        List<EngagementFamily> families = directory.families(roll.familyIds());
        Map<String, ActivitySummary> activities = activitiesOf(families);
        Instant now = clock.instant();
        List<UnderservedFamily> all = new ArrayList<>();
        for (EngagementFamily family : families) {
            List<Reason> reasons = ReachCalculator.underserved(family, roll, activities, now);
            if (!reasons.isEmpty()) {
                all.add(underserved(family, schoolUrn, reasons));
            }
        }
        // Longest without contact first, never contacted before all; then by name, then id, for a stable order.
        all.sort(Comparator.comparing(UnderservedFamily::lastTwoWayContact,
                                      Comparator.nullsFirst(Comparator.naturalOrder()))
                           .thenComparing(UnderservedFamily::familyName, Comparator.nullsLast(Comparator.naturalOrder()))
                           .thenComparing(UnderservedFamily::familyId));
        // In long: a page far beyond the end (page=2147483647) would overflow into a negative index.
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new UnderservedFamily.Page(schoolUrn, roll.weeksWithoutContact(), roll.invitationsWithoutComing(),
                                          all.subList(from, to), page, size, all.size(),
                                          (all.size() + size - 1) / size);
    }

    /** A member of staff's caseload, as the caller may see it: only families of the caller's schools. */
    public CaseloadView caseload(RequestContext actor, String staffId) {
        Caseload caseload = directory.caseload(actor.trustId(), staffId)
                                     .orElse(new Caseload(null, actor.trustId(), staffId, List.of(), List.of()));
        Set<String> ids = new LinkedHashSet<>(caseload.keyWorkerOf());
        ids.addAll(caseload.followingUp());
        List<EngagementFamily> families = directory.families(ids).stream()
                                                   .filter(f -> actor.covers(f.trustId(), f.schoolUrns())).toList();
        Map<String, ActivitySummary> activities = activitiesOf(families);
        Instant now = clock.instant();
        LocalDate today = now.atZone(SchoolTime.ZONE).toLocalDate();
        // Each school's roll read once for the whole caseload, and only of schools the caller acts for.
        Map<String, Optional<SchoolRoll>> rolls = new HashMap<>();
        List<CaseloadFamily> entries = new ArrayList<>();
        int overdue = 0;
        for (EngagementFamily family : families) {
            List<OpenFollowUp> followUps = family.contacts().stream().filter(Contact::hasOpenFollowUp)
                                                 .map(c -> new OpenFollowUp(c.contactId(), c.followUpAction(),
                                                                            c.followUpDue(), c.followUpOwner(),
                                                                            c.followUpDue().isBefore(today)))
                                                 .sorted(Comparator.comparing(OpenFollowUp::dueOn))
                                                 .toList();
            overdue += (int) followUps.stream().filter(OpenFollowUp::overdue).count();
            List<Reason> reasons = family.schoolUrns().stream()
                                         .filter(school -> actor.covers(family.trustId(), Set.of(school)))
                                         .map(school -> rolls.computeIfAbsent(school, directory::roll))
                                         .flatMap(Optional::stream)
                                         .findFirst()
                                         .map(roll -> ReachCalculator.underserved(family, roll, activities, now))
                                         .orElse(List.of());
            entries.add(new CaseloadFamily(family.familyId(), family.familyName(),
                                           staffId.equals(family.keyWorker()),
                                           family.lastTwoWayContact().orElse(null), followUps, reasons));
        }
        // Families with something overdue first, then the soonest due, then by name.
        entries.sort(Comparator.comparing((CaseloadFamily f) -> f.followUps().stream().noneMatch(OpenFollowUp::overdue))
                               .thenComparing(f -> f.followUps().isEmpty() ? LocalDate.MAX
                                                                           : f.followUps().get(0).dueOn())
                               .thenComparing(CaseloadFamily::familyName,
                                              Comparator.nullsLast(Comparator.naturalOrder())));
        return new CaseloadView(staffId, entries, overdue);
    }

    private SchoolRoll rollFor(RequestContext actor, String schoolUrn) {
        return directory.rollFor(actor, schoolUrn)
                        .orElseThrow(() -> new NotFoundException("No school " + schoolUrn + " of yours is known here"));
    }

    private Map<String, ActivitySummary> activitiesOf(List<EngagementFamily> families) {
        Set<String> ids = new LinkedHashSet<>();
        families.forEach(family -> family.invitations().stream().map(Invitation::activityId).forEach(ids::add));
        return ReachCalculator.byId(directory.activities(ids), ActivitySummary::activityId);
    }

    private static UnderservedFamily underserved(EngagementFamily family, String schoolUrn, List<Reason> reasons) {
        Set<org.homelink.contracts.engagement.WhatWouldHelp> wouldHelp =
                EnumSet.noneOf(org.homelink.contracts.engagement.WhatWouldHelp.class);
        family.invitations().forEach(invitation -> wouldHelp.addAll(invitation.wouldHelp()));
        return new UnderservedFamily(family.familyId(), family.familyName(), family.keyWorker(),
                                     family.yearGroupsAt(schoolUrn), family.languages(), family.openBarriers(),
                                     family.lastTwoWayContact().orElse(null), wouldHelp, reasons);
    }
}
