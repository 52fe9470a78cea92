package org.homelink.engagement.activities.command;

import org.homelink.platform.web.ConflictException;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/**
 * The rules an {@link EngagementActivity} keeps, each broken rule its own exception naming the request field at
 * fault. Details carry ids and codes only.
 */
public final class ActivityRules {

    private ActivityRules() {
    }

    /** No such activity, or one at a school the caller does not act for: the same answer for both. */
    public static class ActivityNotFound extends NotFoundException {
        public ActivityNotFound() {
            super("No such record");
        }
    }


    public static class KindNeedsAName extends RuleBrokenException {
        public KindNeedsAName() {
            super("kindName", "An activity of kind OTHER needs the school's name for its kind");
        }
    }

    public static class NowhereToMeet extends RuleBrokenException {
        public NowhereToMeet() {
            super("venue", "An activity needs a place, a video link, or both");
        }
    }

    public static class EndsBeforeItStarts extends RuleBrokenException {
        public EndsBeforeItStarts(String field) {
            super(field, "An activity must end after it starts");
        }
    }

    public static class NoSuchOccurrence extends RuleBrokenException {
        public NoSuchOccurrence(String field, int occurrence) {
            super(field, "The activity has no occurrence " + occurrence);
        }
    }

    public static class AlreadyCancelled extends RuleBrokenException {
        public AlreadyCancelled(String field) {
            super(field, "That is already cancelled");
        }
    }

    public static class AlreadyOver extends RuleBrokenException {
        public AlreadyOver(String field) {
            super(field, "That has already happened");
        }
    }

    public static class NotStartedYet extends RuleBrokenException {
        public NotStartedYet() {
            super("occurrence", "Check-in opens an hour before the occurrence starts");
        }
    }

    public static class NotInvited extends RuleBrokenException {
        public NotInvited(String field) {
            super(field, "The family has not been invited to this activity");
        }
    }

    public static class NotAnInvitedCarer extends RuleBrokenException {
        public NotAnInvitedCarer(String carerId) {
            super("carerId", "Carer " + carerId + " was not invited with this family");
        }
    }

    public static class NotInTheFamily extends RuleBrokenException {
        public NotInTheFamily(String field, String id) {
            super(field, id + " is not in this family");
        }
    }

    public static class NobodyCame extends RuleBrokenException {
        public NobodyCame() {
            super("carerIds", "Check in at least one carer of the family");
        }
    }

    public static class NotAParentsEvening extends RuleBrokenException {
        public NotAParentsEvening() {
            super("activityId", "Only a parents' evening has bookable slots");
        }
    }

    public static class StartsInThePast extends RuleBrokenException {
        public StartsInThePast() {
            super("start", "An occurrence can be moved only to a time still to come");
        }
    }

    public static class SlotsOverlap extends RuleBrokenException {
        public SlotsOverlap() {
            super("from", "These slots overlap ones the teacher already offers");
        }
    }

    public static class SlotsOutsideTheEvening extends RuleBrokenException {
        public SlotsOutsideTheEvening() {
            super("from", "Slots must lie within the occurrence's start and end");
        }
    }

    public static class NoSuchSlot extends NotFoundException {
        public NoSuchSlot(String slotId) {
            super("No slot " + slotId + " at this activity");
        }
    }

    /** Someone else got there first: a conflict (409), not a broken rule of the request. */
    public static class SlotTaken extends ConflictException {
        public SlotTaken(String slotId) {
            super("slotId", "Slot " + slotId + " is already booked: choose another");
        }
    }

    public static class ChildAlreadyBooked extends RuleBrokenException {
        public ChildAlreadyBooked(String childId) {
            super("childId", "Child " + childId + " already has an appointment with this teacher");
        }
    }

    public static class SlotNotBooked extends RuleBrokenException {
        public SlotNotBooked(String slotId) {
            super("slotId", "Slot " + slotId + " is not booked");
        }
    }
}
