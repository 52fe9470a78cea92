package org.homelink.partners.referrals.command;

import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/** The rules a {@link Referral} keeps, each broken rule its own exception naming the field at fault. */
public final class ReferralRules {

    private ReferralRules() {
    }

    /**
     * No such referral, one addressed to another organisation, one whose family has withdrawn its consent (for a
     * partner), or one outside the caller's trust and schools: the same answer, word for word, so that no one can
     * learn by probing that a referral exists.
     */
    public static class ReferralNotFound extends NotFoundException {
        public ReferralNotFound() {
            super("No such record");
        }
    }

    public static class UnknownService extends RuleBrokenException {
        public UnknownService() {
            super("serviceId", "No service of the directory has this id");
        }
    }

    public static class ServiceNotActive extends RuleBrokenException {
        public ServiceNotActive() {
            super("serviceId", "The service is not active: it takes no referrals");
        }
    }

    public static class NotAwaitingAnswer extends RuleBrokenException {
        public NotAwaitingAnswer(String status) {
            super("status", "The referral is " + status + ": only a new or opened referral is accepted or declined");
        }
    }

    public static class CannotClose extends RuleBrokenException {
        public CannotClose(String status, boolean partner) {
            super("status", "The referral is " + status + ": " + (partner
                    ? "a partner closes a referral it has accepted"
                    : "the school closes a referral that has not been declined or closed"));
        }
    }
}
