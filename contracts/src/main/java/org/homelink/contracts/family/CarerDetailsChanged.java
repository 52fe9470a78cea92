package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A carer's details have been corrected or updated. Carries every detail as it now stands, not only what changed;
 * contact preferences change by {@link ContactPreferencesChanged}.
 *
 * @param familyId               the family
 * @param trustId                its trust
 * @param schoolUrns             its schools
 * @param carerId                the carer, as in {@link CarerAdded}
 * @param name                   their name
 * @param relationship           their relationship to the children
 * @param parentalResponsibility whether they hold parental responsibility
 * @param phone                  a phone number, or {@code null}
 * @param email                  an email address, or {@code null}
 * @param address                their postal address, or {@code null}
 * @param changedBy              the staff id of who changed them
 * @param changedAt              when
 */
@Revision("1")
public record CarerDetailsChanged(@DataSubject String familyId, String trustId, Set<String> schoolUrns, String carerId,
                                  @PersonalData String name, @PersonalData String relationship,
                                  @PersonalData boolean parentalResponsibility, @PersonalData String phone,
                                  @PersonalData String email, @PersonalData Address address, String changedBy,
                                  Instant changedAt) implements FamilyEvent {
}
