package org.homelink.partners.needs.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.partners.SupportNeedClosed;
import org.homelink.contracts.partners.SupportNeedRaised;
import org.homelink.partners.directory.SupportTaxonomy;
import org.homelink.partners.families.FamilyRecords;
import org.homelink.partners.families.SharedFamily;
import org.homelink.partners.needs.command.NeedCommands.CloseSupportNeed;
import org.homelink.partners.needs.command.NeedCommands.RaiseSupportNeed;
import org.homelink.partners.needs.command.NeedRules.NeedAlreadyClosed;
import org.homelink.partners.needs.command.NeedRules.NoConsentToShare;
import org.homelink.partners.needs.command.NeedRules.NoSuchRecord;
import org.homelink.partners.needs.command.NeedRules.UnknownCategory;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A family's need for support of one kind, raised by staff of its schools, open until it is closed. It belongs to
 * the family's trust and schools; anyone outside them is told it does not exist. A need is raised only for a family
 * whose consent to sharing with partners stands, read from the family's own events as they are now. Which roles work
 * with needs at all is the permission table's ({@code REFERRALS_MAKE}), checked before any command is sent.
 */
// The log is shared: the id of another kind of record must load as no record (404), not fail to load (500).
@Aggregate(filterEventsByType = true)
public class SupportNeed {

    @AggregateIdentifier
    private String needId;
    private String familyId;
    private String trustId;
    private Set<String> schoolUrns;
    private boolean open;

    protected SupportNeed() {
    }

    @CommandHandler
    public SupportNeed(RaiseSupportNeed command, FamilyRecords families) {
        SharedFamily family = families.find(command.familyId())
                                      .filter(found -> command.actor().covers(found.trustId(), found.schoolUrns()))
                                      .orElseThrow(NoSuchRecord::new);
        if (!family.sharesWithPartners()) {
            throw new NoConsentToShare("familyId");
        }
        if (SupportTaxonomy.byCode(command.category()).isEmpty()) {
            throw new UnknownCategory();
        }
        apply(new SupportNeedRaised(command.needId(), family.familyId(), family.trustId(), sorted(family.schoolUrns()),
                                    command.category(), command.urgency(), command.actor().staffId(), command.at()));
        apply(new SupportNeedDescribed(command.needId(), family.familyId(), command.circumstances()));
    }

    @CommandHandler
    public long handle(CloseSupportNeed command, FamilyRecords families) {
        // An erased family is no family: its needs are gone with it.
        if (!command.actor().covers(trustId, schoolUrns) || families.find(familyId).isEmpty()) {
            throw new NoSuchRecord();
        }
        if (!open) {
            throw new NeedAlreadyClosed("needId");
        }
        apply(new SupportNeedClosed(needId, familyId, trustId, schoolUrns, command.resolution(),
                                    command.actor().staffId(), command.at()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(SupportNeedRaised event) {
        needId = event.needId();
        familyId = event.familyId();
        trustId = event.trustId();
        schoolUrns = event.schoolUrns();
        open = true;
    }

    @EventSourcingHandler
    void on(SupportNeedClosed event) {
        open = false;
    }

    /** In order, so that an event lists a family's schools the same way every time. */
    private static SortedSet<String> sorted(Set<String> schools) {
        return new TreeSet<>(schools);
    }
}
