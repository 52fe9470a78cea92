package org.homelink.engagement.agreements.query;

import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.activities.query.ActivityQueries;
import org.homelink.engagement.agreements.command.AgreementRules.AgreementNotFound;
import org.homelink.engagement.agreements.command.AgreementRules.NoSuchVersion;
import org.homelink.engagement.agreements.command.AgreementRules.NotASchoolOfTheAgreement;
import org.homelink.engagement.agreements.command.AgreementRules.NothingInForce;
import org.homelink.engagement.agreements.query.FamilyAgreement.Acknowledgement;
import org.homelink.engagement.agreements.query.FamilyAgreement.CarerRecord;
import org.homelink.engagement.agreements.query.FamilyAgreement.LinkSent;
import org.homelink.engagement.agreements.query.Outstanding.CarerCounts;
import org.homelink.engagement.agreements.query.Outstanding.CarerStatus;
import org.homelink.engagement.agreements.query.Outstanding.FamilyCounts;
import org.homelink.engagement.agreements.query.Outstanding.OutstandingFamily;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What staff read of home-school agreements: who has not acknowledged yet, and each family's acknowledgements. Reads
 * a school's families by id from the directory's roll, and their part in the agreement by id, then works out the
 * rest in memory, as the reach views do.
 */
@Component
public class AgreementQueries {

    private final AgreementProjection agreements;
    private final FamilyEngagementProjection directory;

    AgreementQueries(AgreementProjection agreements, FamilyEngagementProjection directory) {
        this.agreements = agreements;
        this.directory = directory;
    }

    /**
     * A family's part in one agreement: each carer (those the directory has now, and any who acknowledged before
     * leaving it) with every version acknowledged and every link sent.
     *
     * @param versionInForce the version in force today, or null before the first takes effect
     */
    public record FamilyAcknowledgements(String agreementId, List<String> schoolUrns, Integer versionInForce,
                                         List<CarerHistory> carers) {
    }

    public record CarerHistory(String carerId, String name, List<Acknowledgement> acknowledgements,
                               List<LinkSent> links) {
    }

    /** The agreement, if it is of a school the caller acts for; otherwise 404, as for no agreement at all. */
    public AgreementView visible(RequestContext actor, String agreementId) {
        return agreements.agreement(agreementId).filter(a -> actor.covers(a.trustId(), a.schoolUrns()))
                         .orElseThrow(AgreementNotFound::new);
    }

    public Outstanding outstanding(RequestContext actor, String agreementId, String schoolUrn, Integer version,
                                   Set<YearGroup> yearGroups, LocalDate today, int page, int size) {
        AgreementView agreement = visible(actor, agreementId);
        if (!agreement.schoolUrns().contains(schoolUrn)) {
            throw new NotASchoolOfTheAgreement(schoolUrn);
        }
        if (!actor.covers(agreement.trustId(), Set.of(schoolUrn))) {
            throw new NotYourSchool(schoolUrn);
        }
        int asked = version == null
                ? agreement.inForce(today).orElseThrow(() -> new NothingInForce("version")).number()
                : agreement.version(version).filter(v -> !v.takesEffect().isAfter(today))
                           .orElseThrow(NoSuchVersion::new).number();
        Set<YearGroup> groups = yearGroups == null ? Set.of() : new TreeSet<>(yearGroups);
        List<String> roll = directory.roll(schoolUrn).filter(r -> r.isOfTrust(agreement.trustId()))
                                     .map(SchoolRoll::familyIds).orElse(List.of());
        List<EngagementFamily> families = directory.families(roll).stream()
                .filter(f -> groups.isEmpty() || !Collections.disjoint(f.yearGroupsAt(schoolUrn), groups)).toList();
        Map<String, FamilyAgreement> records = agreements.familiesOf(agreementId,
                                                                     families.stream().map(EngagementFamily::familyId)
                                                                             .toList());
        int carers = 0;
        int acknowledged = 0;
        int sentOnly = 0;
        int familiesDone = 0;
        int withoutCarers = 0;
        List<OutstandingFamily> outstanding = new ArrayList<>();
        for (EngagementFamily family : families) {
            FamilyAgreement record = records.getOrDefault(family.familyId(),
                                                          FamilyAgreement.none(agreementId, family.familyId()));
            List<CarerStatus> statuses = family.carers().stream().map(c -> status(c, record, asked)).toList();
            carers += statuses.size();
            long done = statuses.stream().filter(s -> s.acknowledgedAt() != null).count();
            acknowledged += (int) done;
            sentOnly += (int) statuses.stream().filter(s -> s.acknowledgedAt() == null && s.linkSentAt() != null)
                                      .count();
            if (statuses.isEmpty()) {
                withoutCarers++;
            }
            if (!statuses.isEmpty() && done == statuses.size()) {
                familiesDone++;
            } else {
                outstanding.add(new OutstandingFamily(family.familyId(), family.familyName(),
                                                      family.yearGroupsAt(schoolUrn), statuses));
            }
        }
        outstanding.sort(Comparator.comparing(OutstandingFamily::familyName,
                                              Comparator.nullsLast(Comparator.naturalOrder()))
                                   .thenComparing(OutstandingFamily::familyId));
        // In long: a page far beyond the end (page=2147483647) would overflow into a negative index.
        int from = (int) Math.min((long) page * size, outstanding.size());
        int to = Math.min(from + size, outstanding.size());
        return new Outstanding(agreementId, schoolUrn, asked, groups,
                               new CarerCounts(carers, acknowledged, sentOnly, carers - acknowledged - sentOnly),
                               new FamilyCounts(families.size(), familiesDone, families.size() - familiesDone,
                                                withoutCarers),
                               List.copyOf(outstanding.subList(from, to)), page, size, outstanding.size(),
                               (outstanding.size() + size - 1) / size);
    }

    /** The family's part in each agreement of its schools that the caller acts for. */
    public List<FamilyAcknowledgements> family(RequestContext actor, String familyId, LocalDate today) {
        EngagementFamily family = directory.familyFor(actor, familyId)
                                           .orElseThrow(() -> new NotFoundException("No such record"));
        Set<String> agreementIds = new LinkedHashSet<>();
        family.schoolUrns().stream().filter(school -> actor.covers(family.trustId(), Set.of(school)))
              .forEach(school -> agreements.agreementOf(school).filter(a -> a.trustId().equals(family.trustId()))
                                           .ifPresent(a -> agreementIds.add(a.agreementId())));
        List<FamilyAcknowledgements> result = new ArrayList<>();
        for (String agreementId : agreementIds) {
            agreements.agreement(agreementId).ifPresent(agreement -> {
                FamilyAgreement record = agreements.family(agreementId, familyId);
                Set<String> carerIds = new LinkedHashSet<>();
                family.carers().forEach(c -> carerIds.add(c.carerId()));
                record.carers().forEach(c -> carerIds.add(c.carerId()));
                List<CarerHistory> carers = carerIds.stream().map(carerId -> {
                    CarerRecord history = record.carer(carerId).orElse(new CarerRecord(carerId, null, null));
                    String name = family.carer(carerId).map(EngagementFamily.Carer::name).orElse(null);
                    return new CarerHistory(carerId, name, history.acknowledgements(), history.links());
                }).toList();
                result.add(new FamilyAcknowledgements(agreementId, agreement.schoolUrns(),
                                                      agreement.inForce(today).map(AgreementView.Version::number)
                                                               .orElse(null), carers));
            });
        }
        return result;
    }

    private static CarerStatus status(EngagementFamily.Carer carer, FamilyAgreement record, int version) {
        CarerRecord history = record.carer(carer.carerId()).orElse(new CarerRecord(carer.carerId(), null, null));
        boolean byStaff = ActivityQueries.byStaff(new InvitedCarer(carer.carerId(), carer.channel(), carer.language(),
                                                                   carer.needsInterpreter(),
                                                                   carer.prefersSpokenContact()));
        return new CarerStatus(carer.carerId(), carer.name(), carer.channel(), carer.language(),
                               carer.needsInterpreter(), byStaff,
                               history.acknowledged(version).map(Acknowledgement::acknowledgedAt).orElse(null),
                               history.linkFor(version).map(LinkSent::sentAt).orElse(null));
    }
}
