package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * The family has told the school something it wants the school to know, recorded in the family's own words. Each
 * is kept; the latest does not replace the earlier ones.
 *
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools
 * @param voiceId    this record's id, given by family-service
 * @param carerId    the carer who said it, or {@code null} when it came from the family as a whole
 * @param words      what they said, in their words
 * @param recordedBy the staff id of who wrote it down
 * @param recordedAt when
 */
@Revision("1")
public record FamilyVoiceRecorded(@DataSubject String familyId, String trustId, Set<String> schoolUrns, String voiceId,
                                  String carerId, @PersonalData String words, String recordedBy, Instant recordedAt)
        implements FamilyEvent {
}
