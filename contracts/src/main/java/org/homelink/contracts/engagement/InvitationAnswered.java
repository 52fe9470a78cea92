package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A carer has answered an invitation for their family; a later answer replaces an earlier one. A reply from the
 * family is a two-way contact.
 *
 * @param activityId  the activity
 * @param trustId     its trust
 * @param schoolUrn   its school
 * @param familyId    the family
 * @param carerId     the carer who answered
 * @param answer      yes, no or maybe
 * @param wouldHelp   what would help them come, possibly nothing
 * @param waitlisted  true when the answer is yes but the activity was full: the family is on its waiting list
 * @param recordedBy  the staff id of who recorded it, or {@code null} when the family answered for themselves
 * @param answeredAt  when
 */
@Revision("1")
public record InvitationAnswered(String activityId, String trustId, String schoolUrn, @DataSubject String familyId,
                                 String carerId, @PersonalData Answer answer,
                                 @PersonalData Set<WhatWouldHelp> wouldHelp, boolean waitlisted, String recordedBy,
                                 Instant answeredAt) implements ActivityEvent {
}
