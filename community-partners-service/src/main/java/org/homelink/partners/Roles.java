package org.homelink.partners;

import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;

import java.util.Set;

/**
 * What each role may do in community-partners-service, until the fuller table arrives with sign-in. Which families,
 * needs and referrals a caller may see is a matter of their trust and schools, or their organisation, checked with
 * the record itself; this is only about roles. Why these roles: docs/partners.md.
 */
public final class Roles {

    /** Support needs say things such as "domestic abuse": only staff whose work is supporting families see them. */
    private static final Set<Role> PASTORAL = Set.of(Role.TRUST_LEADER, Role.SCHOOL_LEADER, Role.KEY_WORKER);

    private Roles() {
    }

    /** Raise and read support needs, match, refer: the key worker and the school's and trust's leaders. */
    public static void requirePastoral(RequestContext actor) {
        if (!PASTORAL.contains(actor.role())) {
            throw new ForbiddenException("Only key workers and school and trust leaders work with support needs "
                                         + "and referrals");
        }
    }

    /** Add partner organisations and their services to the directory, or import a feed: the same staff. */
    public static void requireDirectoryEditor(RequestContext actor) {
        if (!PASTORAL.contains(actor.role())) {
            throw new ForbiddenException("Only key workers and school and trust leaders add to the directory");
        }
    }

    public static boolean isPastoral(RequestContext actor) {
        return PASTORAL.contains(actor.role());
    }

    /** A partner's worker acting on what is addressed to their organisation. */
    public static void requirePartner(RequestContext actor) {
        if (actor.role() != Role.PARTNER) {
            throw new ForbiddenException("Only a partner organisation's workers do this");
        }
    }
}
