package org.homelink.partners.referrals.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.partners.ReferralAccepted;
import org.homelink.contracts.partners.ReferralClosed;
import org.homelink.contracts.partners.ReferralDeclined;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.contracts.partners.ReferralOpened;
import org.homelink.contracts.partners.SupportNeedRaised;
import org.homelink.partners.directory.command.OrganisationRegister;
import org.homelink.partners.directory.command.ServiceRegister;
import org.homelink.partners.directory.command.ServiceRegister.KnownService;
import org.homelink.partners.families.FamilyRecords;
import org.homelink.partners.needs.command.NeedRegister;
import org.homelink.partners.needs.command.NeedRules.NeedAlreadyClosed;
import org.homelink.partners.needs.command.NeedRules.NoConsentToShare;
import org.homelink.partners.needs.command.NeedRules.NoSuchRecord;
import org.homelink.partners.referrals.command.ReferralCommands.AcceptReferral;
import org.homelink.partners.referrals.command.ReferralCommands.CloseReferral;
import org.homelink.partners.referrals.command.ReferralCommands.DeclineReferral;
import org.homelink.partners.referrals.command.ReferralCommands.MakeReferral;
import org.homelink.partners.referrals.command.ReferralCommands.OpenReferral;
import org.homelink.partners.referrals.command.ReferralRules.CannotClose;
import org.homelink.partners.referrals.command.ReferralRules.NotAwaitingAnswer;
import org.homelink.partners.referrals.command.ReferralRules.ReferralNotFound;
import org.homelink.partners.referrals.command.ReferralRules.ServiceNotActive;
import org.homelink.partners.referrals.command.ReferralRules.UnknownService;
import org.homelink.platform.web.RequestContext;

import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A family referred, for one support need, to a partner organisation's service: new, opened, accepted or declined,
 * closed with an outcome. Staff of the family's schools make it and may withdraw it; only the organisation
 * addressed sees it and answers it, and only while the family's consent to sharing with partners stands, read from
 * the family's own events at the moment of each command. To anyone else it does not exist.
 */
// The log is shared: the id of another kind of record must load as no record (404), not fail to load (500).
@Aggregate(filterEventsByType = true)
public class Referral {

    public enum Status { NEW, OPENED, ACCEPTED, DECLINED, CLOSED }

    @AggregateIdentifier
    private String referralId;
    private String familyId;
    private String trustId;
    private Set<String> schoolUrns;
    private String organisationId;
    private Status status;

    protected Referral() {
    }

    @CommandHandler
    public Referral(MakeReferral command, NeedRegister needs, ServiceRegister services,
                    OrganisationRegister organisations, FamilyRecords families) {
        NeedRegister.KnownNeed need = needs.find(command.needId())
                                           .filter(found -> command.actor().covers(found.raised().trustId(),
                                                                                   found.raised().schoolUrns()))
                                           .orElseThrow(NoSuchRecord::new);
        if (!need.open()) {
            throw new NeedAlreadyClosed("needId");
        }
        SupportNeedRaised raised = need.raised();
        // An erased family is no family: its needs are gone with it.
        if (!families.find(raised.familyId()).orElseThrow(NoSuchRecord::new).sharesWithPartners()) {
            throw new NoConsentToShare("needId");
        }
        KnownService service = services.find(command.serviceId()).orElseThrow(UnknownService::new);
        if (!service.active()) {
            throw new ServiceNotActive();
        }
        String organisationName = organisations.find(service.organisationId())
                                               .map(OrganisationRegister.KnownOrganisation::name).orElseThrow();
        apply(new ReferralMade(command.referralId(), command.needId(), raised.familyId(), raised.trustId(),
                               raised.schoolUrns(), service.organisationId(), organisationName, service.serviceId(),
                               service.name(), raised.category(), command.actor().staffId(), command.at()));
        apply(new ReferralDescribed(command.referralId(), raised.familyId(), command.noteForPartner()));
    }

    @CommandHandler
    public long handle(OpenReferral command, FamilyRecords families) {
        requirePartnerSees(command.actor(), families);
        if (status == Status.NEW) {
            apply(new ReferralOpened(referralId, familyId, trustId, schoolUrns, organisationId,
                                     command.actor().staffId(), command.at()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AcceptReferral command, FamilyRecords families) {
        requirePartnerSees(command.actor(), families);
        requireAwaitingAnswer();
        apply(new ReferralAccepted(referralId, familyId, trustId, schoolUrns, organisationId,
                                   command.actor().staffId(), command.at()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DeclineReferral command, FamilyRecords families) {
        requirePartnerSees(command.actor(), families);
        requireAwaitingAnswer();
        apply(new ReferralDeclined(referralId, familyId, trustId, schoolUrns, organisationId, command.reason(),
                                   command.note(), command.actor().staffId(), command.at()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CloseReferral command, FamilyRecords families) {
        RequestContext actor = command.actor();
        if (actor.isPartner()) {
            requirePartnerSees(actor, families);
            if (status != Status.ACCEPTED) {
                throw new CannotClose(status.name(), true);
            }
        } else {
            requireStaffSees(actor, families);
            if (status == Status.DECLINED || status == Status.CLOSED) {
                throw new CannotClose(status.name(), false);
            }
        }
        apply(new ReferralClosed(referralId, familyId, trustId, schoolUrns, organisationId, command.outcome(),
                                 command.note(), actor.staffId(), command.at()));
        return AggregateLifecycle.getVersion();
    }

    private void requirePartnerSees(RequestContext actor, FamilyRecords families) {
        if (!actor.actsForOrganisation(organisationId)
            || !families.find(familyId).map(family -> family.sharesWithPartners()).orElse(false)) {
            throw new ReferralNotFound();
        }
    }

    private void requireStaffSees(RequestContext actor, FamilyRecords families) {
        if (!actor.covers(trustId, schoolUrns) || families.find(familyId).isEmpty()) {
            throw new ReferralNotFound();
        }
    }

    private void requireAwaitingAnswer() {
        if (status != Status.NEW && status != Status.OPENED) {
            throw new NotAwaitingAnswer(status.name());
        }
    }

    @EventSourcingHandler
    void on(ReferralMade event) {
        referralId = event.referralId();
        familyId = event.familyId();
        trustId = event.trustId();
        schoolUrns = event.schoolUrns();
        organisationId = event.organisationId();
        status = Status.NEW;
    }

    @EventSourcingHandler
    void on(ReferralOpened event) {
        status = Status.OPENED;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        status = Status.DECLINED;
    }

    @EventSourcingHandler
    void on(ReferralClosed event) {
        status = Status.CLOSED;
    }
}
