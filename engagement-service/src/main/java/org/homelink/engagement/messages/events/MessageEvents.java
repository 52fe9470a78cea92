package org.homelink.engagement.messages.events;

import org.homelink.contracts.engagement.MessageKind;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.platform.web.RequestContext;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A message's events before it is sent, and the settings that decide how it goes, internal to engagement-service.
 * Sending publishes {@link org.homelink.contracts.engagement.MessageSent}; delivery's steps are
 * {@link DeliveryEvents}.
 */
public final class MessageEvents {

    private MessageEvents() {
    }

    /** Every message event names its message: the stream it belongs to. */
    public interface MessageEvent {
        String messageId();
    }

    /** @param fallbackLanguage the language of the text carers get when the message has none in theirs */
    public record MessageDrafted(String messageId, String trustId, List<String> schoolUrns, MessageKind kind,
                                 List<MessageText> texts, String fallbackLanguage, String draftedBy,
                                 Instant draftedAt) implements MessageEvent {
    }

    public record MessageRevised(String messageId, MessageKind kind, List<MessageText> texts,
                                 String fallbackLanguage, String revisedBy, Instant revisedAt) implements MessageEvent {
    }

    /**
     * To go at {@code sendAt} to the audience as it is then.
     *
     * @param scheduledBy who scheduled it: the audience is drawn at sending as they would draw it
     */
    public record MessageScheduled(String messageId, Instant sendAt, Audience.Criteria audience,
                                   RequestContext scheduledBy, Instant scheduledAt) implements MessageEvent {
    }

    public record MessageCancelled(String messageId, String cancelledBy, Instant cancelledAt) implements MessageEvent {
    }

    /** Why a copy waits for the family's digest rather than going now. */
    public enum HeldFor {
        /** The family (or the carer) asked for one digest a week. */
        DIGEST,
        /** The family has had the school's limit of messages this week. */
        WEEKLY_LIMIT
    }

    /** A copy that goes with the family's next digest. */
    public record Held(String deliveryId, HeldFor reason, Instant until) {
    }

    /** A family written to in a week: what the school's weekly limit counts. */
    public record FamilyWeek(String schoolUrn, String familyId) {
    }

    /**
     * Recorded with {@code MessageSent}, what sending decided beyond the copies: those that wait for a digest, and
     * the families this message counts against in the school's weekly limit (none for an urgent message).
     *
     * @param weekStarting the Monday (London) of the week it counts in
     */
    public record MessageRouted(String messageId, List<Held> held, LocalDate weekStarting,
                                List<FamilyWeek> counted) implements MessageEvent {
    }

    /**
     * How a school's messages reach families: when its weekly digest goes, and how many messages a family gets in a
     * week before the rest wait for the digest.
     *
     * @param digestDay  the day of the digest, London time
     * @param digestTime the time of the digest, London time
     */
    public record MessageSettingsChanged(String schoolUrn, String trustId, DayOfWeek digestDay, LocalTime digestTime,
                                         int weeklyLimit, String changedBy, Instant changedAt) {
    }

    /**
     * A family, or one carer of it, asked for the school's messages as one weekly digest, or no longer wants one.
     *
     * @param carerId the carer, or null for every carer of the family
     */
    public record DigestChosen(String familyId, String trustId, String carerId, boolean digest, String chosenBy,
                               Instant chosenAt) {
    }
}
