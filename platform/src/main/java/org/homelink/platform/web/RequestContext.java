package org.homelink.platform.web;

import java.util.Collection;
import java.util.Set;

/**
 * Who a request acts for: a member of staff of a trust, in a role, at a set of schools (by DfE URN). Every service
 * checks it itself, so the gateway is not the only wall between one school's families and another's.
 * <p>
 * Until sign-in arrives it is read from headers the gateway passes on; it will come from a verified token instead.
 */
public record RequestContext(String trustId, Set<String> schoolUrns, Role role, String staffId) {

    public RequestContext {
        schoolUrns = Set.copyOf(schoolUrns);
    }

    public boolean isTrustLeader() {
        return role == Role.TRUST_LEADER;
    }

    /** True when something of {@code trustId} at {@code schools} is the caller's to see: same trust, and a shared school. */
    public boolean covers(String trustId, Collection<String> schools) {
        if (!this.trustId.equals(trustId)) {
            return false;
        }
        return isTrustLeader() || schools.stream().anyMatch(schoolUrns::contains);
    }
}
