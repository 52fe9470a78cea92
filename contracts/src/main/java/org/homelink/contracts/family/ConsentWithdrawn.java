package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A carer with parental responsibility has withdrawn a consent that had been given. From now on nothing may be done
 * for that purpose.
 *
 * @param familyId    the family
 * @param trustId     its trust
 * @param schoolUrns  its schools
 * @param purpose     the purpose, a code: see {@link ConsentPurposes}
 * @param carerId     the carer who withdrew it
 * @param withdrawnOn the day they withdrew it
 * @param recordedBy  the staff id of who recorded it
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record ConsentWithdrawn(String familyId, String trustId, Set<String> schoolUrns, String purpose,
                               String carerId, LocalDate withdrawnOn, String recordedBy, Instant recordedAt)
        implements FamilyEvent {
}
