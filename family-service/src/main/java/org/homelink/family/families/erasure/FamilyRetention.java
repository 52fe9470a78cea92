package org.homelink.family.families.erasure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.family.families.command.FamilyCommands.EraseFamily;
import org.homelink.family.families.command.FamilyRules.FamilyNotFound;
import org.homelink.family.families.query.FamilyDetail;
import org.homelink.family.families.query.FamilyDirectoryProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.retention.RetentionOutcome;
import org.homelink.platform.retention.RetentionRule;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The retention rule for families: a family all of whose children have left their schools, the last more than
 * {@code homelink.retention.families-after-leaving} ago (six years by default), is erased, for reason
 * {@code RETENTION}, by the system. Every service then forgets it through {@code FamilyErased}.
 * <p>
 * Each erasure names the family's version as the rule read it, so a family that changed meanwhile (a child enrolled
 * again, on this instance or another) is not erased on what is no longer true: the command is refused, and the family
 * counted as skipped until the next run looks again. Two instances running the rule at once erase each family once:
 * the second command finds it erased, or finds its version moved on.
 */
@Component
public class FamilyRetention implements RetentionRule {

    /** Who erases a family for retention, in {@code FamilyErased.erasedBy}: no member of staff. */
    public static final String SYSTEM = "system:retention";

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CommandGateway commands;
    private final FamilyDirectoryProjection directory;
    private final Period afterLeaving;
    private final ReadModelCatchUp erased;

    public FamilyRetention(CommandGateway commands, FamilyDirectoryProjection directory,
                           @Value("${homelink.retention.families-after-leaving:P6Y}") Period afterLeaving,
                           @Value("${homelink.families.read-your-writes-wait:5s}") Duration longestWait) {
        this.commands = commands;
        this.directory = directory;
        this.afterLeaving = afterLeaving;
        this.erased = new ReadModelCatchUp("family directory", longestWait);
    }

    @Override
    public String name() {
        return "families whose children all left more than " + afterLeaving + " ago";
    }

    @Override
    public RetentionOutcome apply(Instant now) {
        LocalDate lastKept = LocalDate.ofInstant(now, LONDON).minus(afterLeaving);
        List<String> removed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FamilyDetail family : directory.familiesWhoseChildrenAllLeftBefore(lastKept)) {
            try {
                commands.sendAndWait(new EraseFamily(family.familyId(), family.version(), ErasureReason.RETENTION,
                                                     system(family), now));
                // The next run, here or on another instance, must not find the family again.
                erased.await(family.familyId(), () -> directory.detail(family.familyId()).isEmpty());
                removed.add(family.familyId());
            } catch (FamilyNotFound | ConflictingModificationException e) {
                skipped.add(family.familyId());
            }
        }
        return new RetentionOutcome(removed, skipped);
    }

    /** The system acting for the family's trust, over all its schools: a trust leader's reach, and no one's name. */
    private static RequestContext system(FamilyDetail family) {
        return new RequestContext(family.trustId(), Set.copyOf(family.schoolUrns()), Role.TRUST_LEADER, SYSTEM);
    }
}
