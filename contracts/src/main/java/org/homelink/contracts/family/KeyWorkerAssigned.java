package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff has become the family's key worker, in place of any before: the person the family knows and
 * the school turns to first.
 *
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools
 * @param staffId    the key worker's staff id
 * @param assignedBy the staff id of who assigned them
 * @param assignedAt when
 */
@Revision("1")
public record KeyWorkerAssigned(String familyId, String trustId, Set<String> schoolUrns, String staffId,
                                String assignedBy, Instant assignedAt) implements FamilyEvent {
}
