package org.homelink.platform.web;

/**
 * Families' records are for the staff of their schools. Partner organisations see a family only through a referral
 * addressed to them, with what the family agreed to share, in community-partners-service.
 */
public final class StaffOnly {

    private StaffOnly() {
    }

    /** Refuses a partner with 403; every role of staff passes (their schools are checked with each record). */
    public static void require(RequestContext actor) {
        if (actor.role() == Role.PARTNER) {
            throw new ForbiddenException("Partner organisations see families only through referrals addressed to them");
        }
    }

    /** Leaders of a school or of the trust: who set how their schools work, and assign key workers. */
    public static void requireLeader(RequestContext actor, String doing) {
        require(actor);
        if (actor.role() != Role.TRUST_LEADER && actor.role() != Role.SCHOOL_LEADER) {
            throw new ForbiddenException("Only school and trust leaders " + doing);
        }
    }
}
