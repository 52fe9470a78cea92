package org.homelink.family;

import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.RequestContext;

/**
 * What each role may do in family-service, until the fuller table arrives with sign-in. Which families a member of
 * staff may see is a matter of their trust and schools, checked with the record itself; this is only about roles.
 */
public final class Roles {

    private Roles() {
    }

    /** The register of a trust and its schools is kept by that trust's leaders. */
    public static void requireTrustLeaderOf(RequestContext actor, String trustId) {
        if (!actor.isTrustLeader() || !actor.trustId().equals(trustId)) {
            throw new ForbiddenException("Only the trust's own leaders register the trust and its schools");
        }
    }
}
