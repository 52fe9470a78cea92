package org.homelink.engagement.messages.command;

import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/** The rules a {@link Message} keeps, each broken rule its own exception naming the request field at fault. */
public final class MessageRules {

    private MessageRules() {
    }

    /** No such message, or one of schools the caller does not act for: the same answer for both. */
    public static class MessageNotFound extends NotFoundException {
        public MessageNotFound() {
            super("No such record");
        }
    }

    public static class NoText extends RuleBrokenException {
        public NoText() {
            super("texts", "A message needs its text in at least one language");
        }
    }

    public static class TextNotSound extends RuleBrokenException {
        public TextNotSound(String detail) {
            super("texts", detail);
        }
    }

    public static class FallbackWithoutText extends RuleBrokenException {
        public FallbackWithoutText(String language) {
            super("fallbackLanguage", "The fallback language " + language + " needs a text of its own");
        }
    }

    /** Revising, scheduling or cancelling a message that has gone or was cancelled. */
    public static class NoLongerADraft extends RuleBrokenException {
        public NoLongerADraft(String field, String stage) {
            super(field, "The message is " + stage + ": only a draft or a scheduled message can change");
        }
    }

    public static class ScheduledInThePast extends RuleBrokenException {
        public ScheduledInThePast() {
            super("sendAt", "A message is scheduled for a time still to come");
        }
    }

    public static class NotDueYet extends RuleBrokenException {
        public NotDueYet() {
            super("sendAt", "The message is not due yet");
        }
    }

    public static class NoRecipients extends RuleBrokenException {
        public NoRecipients() {
            super("audience", "The audience has no carer to send the message to");
        }
    }

    public static class WeeklyLimitNotSound extends RuleBrokenException {
        public WeeklyLimitNotSound() {
            super("weeklyLimit", "A school's weekly limit is between 1 and 20 messages");
        }
    }
}
