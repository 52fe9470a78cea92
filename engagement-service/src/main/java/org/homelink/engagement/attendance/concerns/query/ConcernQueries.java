package org.homelink.engagement.attendance.concerns.query;

import org.homelink.contracts.engagement.ConcernReason;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What staff read of a school's attendance concerns. How to reach the family is read from the family directory at the
 * time of asking, so a carer's changed language or a barrier resolved yesterday shows at the next step.
 */
@Component
public class ConcernQueries {

    private final ConcernProjection concerns;
    private final FamilyEngagementProjection directory;
    private final Clock clock;

    public ConcernQueries(ConcernProjection concerns, FamilyEngagementProjection directory, Clock clock) {
        this.concerns = concerns;
        this.directory = directory;
        this.clock = clock;
    }

    /** One concern in a school's list. */
    public record ConcernSummary(String concernId, String childId, String familyId, ConcernReason reason,
                                 String stage, boolean open, Instant raisedAt, LocalDate reviewOn,
                                 boolean reviewOverdue) {
    }

    /** How each carer prefers to be reached, as family-service holds it now. */
    public record CarerReach(String carerId, String name, ContactChannel channel, String language,
                             boolean needsInterpreter, boolean prefersSpokenContact) {
    }

    public record ConcernDetail(ConcernView concern, boolean reviewOverdue, List<CarerReach> carers,
                                Set<Barrier> openBarriers) {
    }

    /** Open concerns first, overdue reviews first among them, then the longest open; closed ones latest first. */
    public List<ConcernSummary> ofSchool(String schoolUrn) {
        LocalDate today = today();
        return concerns.ofSchool(schoolUrn).stream()
                       .map(c -> new ConcernSummary(c.concernId(), c.childId(), c.familyId(), c.reason(), c.stage(),
                                                    c.open(), c.raisedAt(), c.reviewOn(), c.reviewOverdue(today)))
                       .sorted(Comparator.comparing((ConcernSummary c) -> !c.open())
                                         .thenComparing(c -> !c.reviewOverdue())
                                         .thenComparingLong(c -> c.open() ? c.raisedAt().toEpochMilli()
                                                                          : -c.raisedAt().toEpochMilli())
                                         .thenComparing(ConcernSummary::concernId))
                       .toList();
    }

    /** The concern, if it is one of the school's. */
    public Optional<ConcernDetail> detail(String schoolUrn, String concernId) {
        return concerns.concern(concernId).filter(c -> c.schoolUrn().equals(schoolUrn)).map(concern -> {
            Optional<EngagementFamily> family = directory.family(concern.familyId());
            List<CarerReach> carers = family.map(f -> f.carers().stream().map(
                    carer -> new CarerReach(carer.carerId(), carer.name(), carer.channel(), carer.language(),
                                            carer.needsInterpreter(), carer.prefersSpokenContact())).toList())
                                            .orElse(List.of());
            Set<Barrier> barriers = family.map(EngagementFamily::openBarriers).orElse(Set.of());
            return new ConcernDetail(concern, concern.reviewOverdue(today()), carers, barriers);
        });
    }

    /**
     * How many concerns the pupil has had at the school: the number of the latest, the only one that may be open.
     * Read from the school's concern ids alone, which hold the pupil and the number ({@link ConcernCommands#idOf}).
     */
    public int concernsOfPupil(String schoolUrn, String childId) {
        return concerns.idsOf(schoolUrn).stream()
                       .flatMapToInt(id -> ConcernCommands.numberOf(id, schoolUrn, childId).stream())
                       .max().orElse(0);
    }

    private LocalDate today() {
        return SchoolTime.today(clock);
    }
}
