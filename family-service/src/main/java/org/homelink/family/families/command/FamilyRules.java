package org.homelink.family.families.command;

import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/**
 * The rules a {@link Family} keeps, each broken rule its own exception naming the request field at fault. Details
 * carry ids and codes only, never what a caller wrote about a family.
 */
public final class FamilyRules {

    private FamilyRules() {
    }

    /**
     * No such family, or one outside the caller's trust and schools: the same answer for both, so that probing
     * cannot tell them apart. Worded as the platform words Axon's own "no such aggregate".
     */
    public static class FamilyNotFound extends NotFoundException {
        public FamilyNotFound() {
            super("No such record");
        }
    }

    /** A carer, child or barrier named in the path is not in this family. */
    public static class NotInThisFamily extends NotFoundException {
        public NotInThisFamily(String what, String id) {
            super("No " + what + " " + id + " in this family");
        }
    }

    public static class AlreadyInFamily extends RuleBrokenException {
        public AlreadyInFamily(String field, String id) {
            super(field, id + " is already in this family");
        }
    }

    public static class SchoolNotInTrust extends RuleBrokenException {
        public SchoolNotInTrust(String schoolUrn) {
            super("schoolUrn", "School " + schoolUrn + " is not a registered school of this trust");
        }
    }


    public static class DateInTheFuture extends RuleBrokenException {
        public DateInTheFuture(String field) {
            super(field, "The date cannot be later than today");
        }
    }

    public static class ChildAlreadyAtSchool extends RuleBrokenException {
        public ChildAlreadyAtSchool(String childId) {
            super("childId", "Child " + childId + " is at a school: record their leaving first");
        }
    }

    public static class ChildNotAtSchool extends RuleBrokenException {
        public ChildNotAtSchool(String childId) {
            super("childId", "Child " + childId + " is not at a school");
        }
    }

    public static class LeftBeforeEnrolled extends RuleBrokenException {
        public LeftBeforeEnrolled() {
            super("leftOn", "A child cannot leave a school before the day they joined it");
        }
    }

    public static class ChannelNeedsContactDetail extends RuleBrokenException {
        public ChannelNeedsContactDetail(String field, ContactChannel channel, String detail) {
            super(field, channel + " needs the carer's " + detail);
        }
    }

    public static class BarrierAlreadyOpen extends RuleBrokenException {
        public BarrierAlreadyOpen(Barrier barrier, String barrierId) {
            super("barrier", barrier + " is already recorded and open as " + barrierId);
        }
    }

    public static class BarrierAlreadyResolved extends RuleBrokenException {
        public BarrierAlreadyResolved(String barrierId) {
            super("barrierId", "Barrier " + barrierId + " is already resolved");
        }
    }

    public static class UnknownCarer extends RuleBrokenException {
        public UnknownCarer(String carerId) {
            super("carerId", "No carer " + carerId + " in this family");
        }
    }

    public static class NoParentalResponsibility extends RuleBrokenException {
        public NoParentalResponsibility(String carerId) {
            super("carerId",
                  "Carer " + carerId + " has no parental responsibility, so cannot give or withdraw consent");
        }
    }

    public static class ConsentNotGiven extends RuleBrokenException {
        public ConsentNotGiven(String purpose) {
            super("purpose", "Consent for " + purpose + " has not been given, so cannot be withdrawn");
        }
    }
}
