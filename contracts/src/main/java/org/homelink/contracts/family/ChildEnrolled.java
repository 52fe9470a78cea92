package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A child of the family has joined a school of the trust: a child new to the family's record, or one who left a
 * school and now joins another. Children of one family may attend different schools of the same trust. Carries the
 * child's details as they stand, so a reader needs no earlier event to know the child.
 *
 * @param familyId    the family
 * @param trustId     its trust
 * @param schoolUrns  the family's schools, now including {@code schoolUrn}
 * @param childId     the child's id within the family, given by family-service; the same at every school
 * @param schoolUrn   the school the child joins
 * @param name        the child's name
 * @param dateOfBirth the child's date of birth
 * @param yearGroup   the year group the child joins
 * @param send        whether the child has special educational needs or disabilities
 * @param enrolledOn  the first day at the school
 * @param recordedBy  the staff id of who recorded it
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record ChildEnrolled(@DataSubject String familyId, String trustId, Set<String> schoolUrns, String childId,
                            String schoolUrn, @PersonalData String name, @PersonalData LocalDate dateOfBirth,
                            YearGroup yearGroup, @PersonalData boolean send, LocalDate enrolledOn, String recordedBy,
                            Instant recordedAt) implements FamilyEvent {
}
