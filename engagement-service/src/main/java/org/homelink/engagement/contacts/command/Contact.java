package org.homelink.engagement.contacts.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactLogged;
import org.homelink.contracts.engagement.FollowUpCompleted;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.contacts.command.ContactCommands.CompleteFollowUp;
import org.homelink.engagement.contacts.command.ContactCommands.LogContact;
import org.homelink.engagement.contacts.command.ContactRules.ContactNotFound;
import org.homelink.engagement.contacts.command.ContactRules.DueBeforeTheContact;
import org.homelink.engagement.contacts.command.ContactRules.FollowUpAlreadyDone;
import org.homelink.engagement.contacts.command.ContactRules.HappensLater;
import org.homelink.engagement.contacts.command.ContactRules.NoFollowUp;
import org.homelink.engagement.contacts.command.ContactRules.NotACarer;
import org.homelink.engagement.contacts.command.ContactRules.NotTheFamilysSchool;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One entry in the contact log between a school and a family, and the follow-up it may carry. Each contact is its
 * own small aggregate, so two members of staff logging contacts with one family never contend.
 */
@Aggregate
public class Contact {

    @AggregateIdentifier
    private String contactId;
    private String familyId;
    private String trustId;
    private Set<String> schoolUrns;
    private boolean hasFollowUp;
    private boolean followUpDone;

    protected Contact() {
    }

    @CommandHandler
    public Contact(LogContact command) {
        RequestContext actor = command.actor();
        if (!actor.covers(command.trustId(), Set.of(command.schoolUrn()))) {
            throw new NotYourSchool(command.schoolUrn());
        }
        if (!command.familySchools().contains(command.schoolUrn())) {
            throw new NotTheFamilysSchool(command.schoolUrn());
        }
        if (command.happenedAt().isAfter(command.at())) {
            throw new HappensLater();
        }
        command.carerIds().stream().filter(id -> !command.familyCarers().contains(id)).findFirst()
               .ifPresent(id -> {
                   throw new NotACarer(id);
               });
        if (command.followUp() != null
                && command.followUp().dueOn().isBefore(command.happenedAt().atZone(SchoolTime.ZONE).toLocalDate())) {
            throw new DueBeforeTheContact();
        }
        apply(new ContactLogged(command.contactId(), command.familyId(), command.trustId(),
                                new TreeSet<>(command.familySchools()), command.schoolUrn(), command.kind(),
                                command.direction(), twoWay(command), command.tone(),
                                new TreeSet<>(command.carerIds()), command.happenedAt(), command.summary(),
                                Set.copyOf(command.involvementTypes()), command.followUp(), actor.staffId(),
                                command.at()));
    }

    @CommandHandler
    public long handle(CompleteFollowUp command) {
        if (trustId == null || !command.actor().covers(trustId, schoolUrns)) {
            throw new ContactNotFound();
        }
        if (!hasFollowUp) {
            throw new NoFollowUp();
        }
        if (followUpDone) {
            throw new FollowUpAlreadyDone();
        }
        apply(new FollowUpCompleted(contactId, familyId, trustId, schoolUrns, command.note(),
                                    command.actor().staffId(), command.at()));
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }

    /**
     * The family took part when they began it, or when the school began it and reached them. Left unsaid, a
     * conversation (visit, call, gate, meeting) reached them and a message did not.
     */
    static boolean twoWay(LogContact command) {
        if (command.direction() == ContactDirection.FAMILY_TO_SCHOOL) {
            return true;
        }
        return command.reached() != null ? command.reached() : command.kind() != ContactKind.MESSAGE;
    }

    @EventSourcingHandler
    void on(ContactLogged event) {
        contactId = event.contactId();
        familyId = event.familyId();
        trustId = event.trustId();
        schoolUrns = Set.copyOf(event.schoolUrns());
        hasFollowUp = event.followUp() != null;
    }

    @EventSourcingHandler
    void on(FollowUpCompleted event) {
        followUpDone = true;
    }
}
