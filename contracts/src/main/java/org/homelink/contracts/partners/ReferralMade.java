package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff has referred a family, for one of its support needs, to a partner organisation's service: the
 * first event of every referral. The referral is new until the partner opens it. The organisation's and the
 * service's names are as they were when the referral was made, so a timeline can show them without a directory.
 *
 * @param referralId       the referral's id, given by community-partners-service
 * @param needId           the support need it answers
 * @param familyId         the family
 * @param trustId          its trust
 * @param schoolUrns       its schools
 * @param organisationId   the partner organisation addressed
 * @param organisationName its name
 * @param serviceId        the organisation's service the family is referred to
 * @param serviceName      its name
 * @param category         the kind of support needed, a code: see {@link SupportCategories}
 * @param madeBy           the staff id of who made it
 * @param madeAt           when
 */
@Revision("1")
public record ReferralMade(String referralId, String needId, @DataSubject String familyId, String trustId,
                           Set<String> schoolUrns, String organisationId, String organisationName, String serviceId,
                           String serviceName, @PersonalData String category, String madeBy, Instant madeAt)
        implements ReferralEvent {
}
