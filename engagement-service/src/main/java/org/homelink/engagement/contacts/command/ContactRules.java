package org.homelink.engagement.contacts.command;

import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/** The rules a {@link Contact} keeps, each its own exception naming the request field at fault. */
public final class ContactRules {

    private ContactRules() {
    }

    /** No such contact, or one of a family the caller does not work with: the same answer for both. */
    public static class ContactNotFound extends NotFoundException {
        public ContactNotFound() {
            super("No such record");
        }
    }


    public static class NotTheFamilysSchool extends RuleBrokenException {
        public NotTheFamilysSchool(String schoolUrn) {
            super("schoolUrn", "The family is not on the roll of school " + schoolUrn);
        }
    }

    public static class HappensLater extends RuleBrokenException {
        public HappensLater() {
            super("happenedAt", "A contact is logged once it has happened");
        }
    }

    public static class NotACarer extends RuleBrokenException {
        public NotACarer(String carerId) {
            super("carerIds", carerId + " is not a carer of this family");
        }
    }

    public static class DueBeforeTheContact extends RuleBrokenException {
        public DueBeforeTheContact() {
            super("followUp.dueOn", "A follow-up cannot be due before the contact happened");
        }
    }

    public static class NoFollowUp extends RuleBrokenException {
        public NoFollowUp() {
            super("contactId", "This contact has no follow-up");
        }
    }

    public static class FollowUpAlreadyDone extends RuleBrokenException {
        public FollowUpAlreadyDone() {
            super("contactId", "The follow-up is already done");
        }
    }
}
