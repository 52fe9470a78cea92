package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff has logged a contact with a family.
 * <p>
 * It is two-way when the family took part: any contact the family began, and any the school began in which the
 * family was reached (spoken with, met, or answered). Two-way contacts are what reach and the underserved list count.
 *
 * @param contactId        the contact
 * @param familyId         the family
 * @param trustId          the family's trust
 * @param schoolUrns       the family's schools as engagement-service knew them
 * @param schoolUrn        the school that was in touch
 * @param kind             how
 * @param direction        who began it
 * @param twoWay           whether the family took part
 * @param tone             positive, routine, or about a concern
 * @param carerIds         the carers involved, possibly none (a child's message home, a note left at a visit)
 * @param happenedAt       when it happened, on or before {@code loggedAt}
 * @param summary          what was said or done, in the member of staff's words
 * @param involvementTypes the types of involvement it served, possibly none
 * @param followUp         what is to be done next, or {@code null}
 * @param staffId          the staff id of who was in touch and logged it
 * @param loggedAt         when it was logged
 */
@Revision("1")
public record ContactLogged(String contactId, @DataSubject String familyId, String trustId, Set<String> schoolUrns,
                            String schoolUrn, ContactKind kind, ContactDirection direction, boolean twoWay,
                            ContactTone tone, Set<String> carerIds, Instant happenedAt, @PersonalData String summary,
                            Set<InvolvementType> involvementTypes, FollowUp followUp, String staffId,
                            Instant loggedAt) {
}
