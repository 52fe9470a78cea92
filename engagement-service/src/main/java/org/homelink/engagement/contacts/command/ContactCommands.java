package org.homelink.engagement.contacts.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.FollowUp;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What can be asked of a {@link Contact}: each command carries who asks and when. */
public final class ContactCommands {

    private ContactCommands() {
    }

    /**
     * @param familySchools the family's schools, as the service's family directory has them
     * @param familyCarers  the family's carers
     * @param reached       for a contact the school began: whether the family was reached (spoken with, met);
     *                      null for the usual (yes, except for a message)
     */
    public record LogContact(@TargetAggregateIdentifier String contactId, String familyId, String trustId,
                             List<String> familySchools, Set<String> familyCarers, String schoolUrn,
                             ContactKind kind, ContactDirection direction, Boolean reached, ContactTone tone,
                             Set<String> carerIds, Instant happenedAt, String summary,
                             Set<InvolvementType> involvementTypes, FollowUp followUp, RequestContext actor,
                             Instant at) {
    }

    public record CompleteFollowUp(@TargetAggregateIdentifier String contactId, String note, RequestContext actor,
                                   Instant at) {
    }
}
