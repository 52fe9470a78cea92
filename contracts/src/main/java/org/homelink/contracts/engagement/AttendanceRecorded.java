package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * Members of a family came to an occurrence of an activity, checked in by staff. Coming is a two-way contact.
 * Recording the same family at the same occurrence again adds whoever was not yet recorded.
 *
 * @param activityId the activity
 * @param trustId    its trust
 * @param schoolUrn  its school
 * @param occurrence the number of the occurrence
 * @param familyId   the family
 * @param carerIds   the carers who came
 * @param childIds   the children who came, possibly none
 * @param invited    false for a family that came without an invitation
 * @param recordedBy the staff id of who checked them in
 * @param recordedAt when
 */
@Revision("1")
public record AttendanceRecorded(String activityId, String trustId, String schoolUrn, int occurrence,
                                 String familyId, Set<String> carerIds, Set<String> childIds, boolean invited,
                                 String recordedBy, Instant recordedAt) implements ActivityEvent {
}
