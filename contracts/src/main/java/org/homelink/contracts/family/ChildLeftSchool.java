package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A child of the family has left a school. The child stays in the family's record and may join another school of
 * the trust by a later {@link ChildEnrolled}. When no other child attends the school and it is not the school that
 * registered the family, the school is no longer one of the family's schools: {@code schoolUrns} no longer has it.
 *
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns the family's schools once the child has left
 * @param childId    the child
 * @param schoolUrn  the school the child has left
 * @param leftOn     the last day at the school
 * @param recordedBy the staff id of who recorded it
 * @param recordedAt when it was recorded
 */
@Revision("1")
public record ChildLeftSchool(String familyId, String trustId, Set<String> schoolUrns, String childId,
                              String schoolUrn, LocalDate leftOn, String recordedBy, Instant recordedAt)
        implements FamilyEvent {
}
