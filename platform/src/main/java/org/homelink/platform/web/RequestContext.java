package org.homelink.platform.web;

import java.util.Collection;
import java.util.Set;

/**
 * Who a request acts for: a member of staff of a trust, in a role, at a set of schools (by DfE URN); or a worker of
 * a partner organisation. Every service checks it itself, so the gateway is not the only wall between one school's
 * families and another's.
 * <p>
 * A partner organisation belongs to no trust: a partner's context names its organisation, and its trust is null
 * unless the caller sent one. Partners see only what is addressed to their organisation, never a trust's records as
 * such, so {@link #covers} is false for them whatever the trust.
 * <p>
 * It comes from the claims of the caller's verified token (see {@code org.homelink.platform.security}).
 *
 * @param trustId        the trust a member of staff acts for; null for a partner that did not name one
 * @param schoolUrns     the schools a member of staff acts at
 * @param role           what the caller acts as
 * @param staffId        the caller's id: a member of staff's, or a partner's worker's
 * @param organisationId the partner organisation a partner's worker acts for; null for staff
 */
public record RequestContext(String trustId, Set<String> schoolUrns, Role role, String staffId,
                             String organisationId) {

    public RequestContext {
        schoolUrns = Set.copyOf(schoolUrns);
    }

    /** A member of staff's context: no organisation. */
    public RequestContext(String trustId, Set<String> schoolUrns, Role role, String staffId) {
        this(trustId, schoolUrns, role, staffId, null);
    }

    public boolean isTrustLeader() {
        return role == Role.TRUST_LEADER;
    }

    public boolean isPartner() {
        return role == Role.PARTNER;
    }

    /** True when the caller is a worker of this partner organisation. */
    public boolean actsForOrganisation(String organisationId) {
        return isPartner() && this.organisationId != null && this.organisationId.equals(organisationId);
    }

    /**
     * True when something of {@code trustId} at {@code schools} is the caller's to see: same trust, and a shared school
     * (any school of the trust for a trust leader). Never for a partner.
     */
    public boolean covers(String trustId, Collection<String> schools) {
        if (isPartner() || this.trustId == null || !this.trustId.equals(trustId)) {
            return false;
        }
        return isTrustLeader() || schools.stream().anyMatch(schoolUrns::contains);
    }
}
