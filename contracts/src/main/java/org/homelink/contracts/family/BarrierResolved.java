package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A barrier recorded for the family no longer stands in the way. Each recorded barrier is resolved at most once.
 *
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools
 * @param barrierId  the record resolved, as in {@link BarrierRecorded}
 * @param barrier    which barrier it was
 * @param note       what changed, in the words of the member of staff, or {@code null}
 * @param resolvedBy their staff id
 * @param resolvedAt when
 */
@Revision("1")
public record BarrierResolved(@DataSubject String familyId, String trustId, Set<String> schoolUrns, String barrierId,
                              @PersonalData Barrier barrier, @PersonalData String note, String resolvedBy,
                              Instant resolvedAt) implements FamilyEvent {
}
