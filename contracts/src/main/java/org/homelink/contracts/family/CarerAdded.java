package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * An adult with parental responsibility or a caring role has been added to a family: a parent, step-parent,
 * grandparent, foster carer, older sibling who cares... A family may have any number of carers and none of them is
 * "primary": each has their own contact preferences.
 *
 * @param familyId                the family
 * @param trustId                 its trust
 * @param schoolUrns              its schools
 * @param carerId                 the carer's id within the family, given by family-service
 * @param name                    the carer's name, as they like to be addressed
 * @param relationship            their relationship to the children, in the school's words ("mother", "grandfather",
 *                                "foster carer")
 * @param parentalResponsibility  whether they hold parental responsibility: only they can give or withdraw consent
 * @param phone                   a phone number, or {@code null}
 * @param email                   an email address, or {@code null}
 * @param address                 their postal address, or {@code null}
 * @param preferences             how and when they want to be contacted
 * @param addedBy                 the staff id of who added them
 * @param addedAt                 when
 */
@Revision("1")
public record CarerAdded(@DataSubject String familyId, String trustId, Set<String> schoolUrns, String carerId,
                         @PersonalData String name, @PersonalData String relationship,
                         @PersonalData boolean parentalResponsibility, @PersonalData String phone,
                         @PersonalData String email, @PersonalData Address address,
                         @PersonalData ContactPreferences preferences, String addedBy, Instant addedAt)
        implements FamilyEvent {
}
