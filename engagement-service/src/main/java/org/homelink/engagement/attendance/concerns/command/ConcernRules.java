package org.homelink.engagement.attendance.concerns.command;

import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/** The rules an {@link AttendanceConcern} keeps, each its own exception naming the request field at fault. */
public final class ConcernRules {

    private ConcernRules() {
    }

    /** No such concern, or one of a school the caller does not act for: the same answer for both. */
    public static class ConcernNotFound extends NotFoundException {
        public ConcernNotFound() {
            super("No such record");
        }
    }

    /** Support comes before escalation: each step waits for the one before it. */
    public static class NotYet extends RuleBrokenException {
        public NotYet(String detail) {
            super("concernId", detail);
        }
    }

    public static class AlreadyClosed extends RuleBrokenException {
        public AlreadyClosed() {
            super("concernId", "The concern is closed");
        }
    }

    public static class HappensLater extends RuleBrokenException {
        public HappensLater() {
            super("happenedAt", "A conversation is logged once it has happened");
        }
    }

    public static class NotACarer extends RuleBrokenException {
        public NotACarer(String carerId) {
            super("carerIds", carerId + " is not a carer of this family");
        }
    }

    public static class ReviewNotAhead extends RuleBrokenException {
        public ReviewNotAhead() {
            super("reviewOn", "The review is on a day after today, so the support has time to help");
        }
    }

    public static class NotReferred extends RuleBrokenException {
        public NotReferred() {
            super("outcome", "Only a concern referred to the local authority is closed as with the local authority");
        }
    }

    /** Escalating a concern is for attendance officers and leaders, not the family's key worker. */
    public static class NotInRole extends ForbiddenException {
        public NotInRole(String doing) {
            super("Only " + doing);
        }
    }
}
