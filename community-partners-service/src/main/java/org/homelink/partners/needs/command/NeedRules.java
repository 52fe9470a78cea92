package org.homelink.partners.needs.command;

import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/** The rules a {@link SupportNeed} keeps, each broken rule its own exception naming the field at fault. */
public final class NeedRules {

    private NeedRules() {
    }

    /** No such family or need, or one outside the caller's trust and schools: the same answer for both. */
    public static class NoSuchRecord extends NotFoundException {
        public NoSuchRecord() {
            super("No such record");
        }
    }

    public static class NoConsentToShare extends RuleBrokenException {
        public NoConsentToShare(String field) {
            super(field, "The family has not consented to sharing with partners (SHARING_WITH_PARTNERS), or has "
                         + "withdrawn its consent");
        }
    }

    public static class UnknownCategory extends RuleBrokenException {
        public UnknownCategory() {
            super("category", "Not a Homelink support category: see /openreferral/taxonomy_terms");
        }
    }

    public static class NeedAlreadyClosed extends RuleBrokenException {
        public NeedAlreadyClosed(String field) {
            super(field, "The support need is closed");
        }
    }
}
