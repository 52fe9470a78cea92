package org.homelink.engagement.agreements.command;

import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/** The rules a {@link HomeSchoolAgreement} keeps, each broken rule its own exception naming the request field. */
public final class AgreementRules {

    private AgreementRules() {
    }

    /** No such agreement, or one of schools the caller does not act for: the same answer for both. */
    public static class AgreementNotFound extends NotFoundException {
        public AgreementNotFound() {
            super("No such record");
        }
    }

    public static class TextsNotSound extends RuleBrokenException {
        public TextsNotSound(String detail) {
            super("texts", detail);
        }
    }

    public static class FallbackWithoutText extends RuleBrokenException {
        public FallbackWithoutText() {
            super("fallbackLanguage", "The fallback language must be one of the texts' languages");
        }
    }

    public static class ChangesNotSaid extends RuleBrokenException {
        public ChangesNotSaid() {
            super("changes", "Say what changed since the last version");
        }
    }

    public static class NothingInForce extends RuleBrokenException {
        public NothingInForce(String field) {
            super(field, "No version of the agreement has taken effect yet");
        }
    }

    /** The carer read another version than the one in force: they are to read the one in force first. */
    public static class NotTheVersionInForce extends RuleBrokenException {
        public NotTheVersionInForce(int inForce) {
            super("version", "Version " + inForce + " is the one in force now: read it, then acknowledge it");
        }
    }

    public static class NoSuchVersion extends RuleBrokenException {
        public NoSuchVersion() {
            super("version", "The agreement has no such version in effect");
        }
    }

    public static class NotAStaffMethod extends RuleBrokenException {
        public NotAStaffMethod() {
            super("method", "Staff record an acknowledgement made on paper or in person");
        }
    }

    public static class NotASchoolOfTheAgreement extends RuleBrokenException {
        public NotASchoolOfTheAgreement(String schoolUrn) {
            super("schoolUrn", "The agreement is not for school " + schoolUrn);
        }
    }
}
