package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff has recorded a barrier to the family's engagement with school. It stays open until a
 * {@link BarrierResolved} with the same {@code barrierId}; a family has at most one open record of each barrier.
 *
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools
 * @param barrierId  this record's id, given by family-service
 * @param barrier    which barrier
 * @param note       what the member of staff saw or was told, in their words
 * @param recordedBy their staff id
 * @param recordedAt when
 */
@Revision("1")
public record BarrierRecorded(@DataSubject String familyId, String trustId, Set<String> schoolUrns, String barrierId,
                              @PersonalData Barrier barrier, @PersonalData String note, String recordedBy,
                              Instant recordedAt) implements FamilyEvent {
}
