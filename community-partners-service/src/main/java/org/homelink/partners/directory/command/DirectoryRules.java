package org.homelink.partners.directory.command;

import org.homelink.platform.security.Permission;
import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;

/**
 * Who keeps an entry of the directory, and the rules of its services. The directory is public, so these are
 * answered with 403 and 422, never with a 404 that would pretend an entry everyone can read does not exist.
 */
public final class DirectoryRules {

    private DirectoryRules() {
    }

    /**
     * An organisation's entry is kept by its own workers, and by the key workers and leaders of the trust that added
     * it; another trust's staff may read it and refer to it, not change it.
     */
    public static boolean mayKeep(RequestContext actor, String organisationId, String owningTrustId) {
        return actor.actsForOrganisation(organisationId)
               || !actor.isPartner() && Permission.DIRECTORY_KEEP.grantedTo(actor.role()) && actor.trustId() != null
                  && actor.trustId().equals(owningTrustId);
    }

    /**
     * New organisations are added, by hand or by importing a feed, by staff, whose trust then keeps them; a partner's
     * worker keeps their own organisation's entry and adds no others.
     */
    public static void requireMayAdd(RequestContext actor) {
        if (actor.isPartner()) {
            throw new PartnersKeepTheirOwn();
        }
    }

    public static void requireMayKeep(RequestContext actor, String organisationId, String owningTrustId) {
        if (!mayKeep(actor, organisationId, owningTrustId)) {
            throw new NotTheKeeper();
        }
    }

    public static class NotTheKeeper extends ForbiddenException {
        public NotTheKeeper() {
            super("An organisation's entry is kept by its own workers and by the trust that added it");
        }
    }

    public static class PartnersKeepTheirOwn extends ForbiddenException {
        public PartnersKeepTheirOwn() {
            super("A partner organisation keeps its own entry; staff add organisations to the directory");
        }
    }

    public static class UnknownOrganisation extends RuleBrokenException {
        public UnknownOrganisation(String field) {
            super(field, "No partner organisation has this id: register the organisation first");
        }
    }

    public static class ServiceStaysWithItsOrganisation extends RuleBrokenException {
        public ServiceStaysWithItsOrganisation() {
            super("organization_id", "A service stays with the organisation that provides it");
        }
    }
}
