package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A carer's contact preferences have changed: channel, language, interpreter, spoken contact, accessibility needs
 * or when they can be reached. Carries all of them as they now stand; invitations and messages from now on follow
 * these.
 *
 * @param familyId    the family
 * @param trustId     its trust
 * @param schoolUrns  its schools
 * @param carerId     the carer, as in {@link CarerAdded}
 * @param preferences the carer's preferences as they now stand
 * @param changedBy   the staff id of who recorded the change
 * @param changedAt   when
 */
@Revision("1")
public record ContactPreferencesChanged(@DataSubject String familyId, String trustId, Set<String> schoolUrns,
                                        String carerId, @PersonalData ContactPreferences preferences, String changedBy,
                                        Instant changedAt) implements FamilyEvent {
}
