package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A carer with parental responsibility has given consent for a purpose. It stands until a {@link ConsentWithdrawn}
 * for the same purpose. Readers that act on consent (community-partners-service sharing with partners) rely on the
 * latest of the two for a purpose.
 *
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools
 * @param purpose    the purpose, a code: see {@link ConsentPurposes}
 * @param carerId    the carer who gave it
 * @param givenOn    the day they gave it
 * @param recordedBy the staff id of who recorded it
 * @param recordedAt when it was recorded
 */
@Revision("1")
public record ConsentGiven(String familyId, String trustId, Set<String> schoolUrns, String purpose, String carerId,
                           LocalDate givenOn, String recordedBy, Instant recordedAt) implements FamilyEvent {
}
