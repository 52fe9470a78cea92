package org.homelink.contracts.partners;

import java.util.Set;

/**
 * What every event of a referral carries, so that any reader can place it on the family's timeline, keep it within
 * the family's trust and schools, and show it to the one organisation it is addressed to.
 */
public interface ReferralEvent {

    /** The referral's id, the id of its event stream. */
    String referralId();

    /** The family referred. */
    String familyId();

    /** The family's trust. */
    String trustId();

    /** The URNs of the family's schools when the referral was made. Never empty. */
    Set<String> schoolUrns();

    /** The partner organisation the referral is addressed to. It never changes. */
    String organisationId();
}
