package org.homelink.engagement.messages.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.homelink.contracts.engagement.MessageCopy;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.messages.events.MessageEvents.MessageRouted;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.platform.web.RequestContext;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** What can be asked of a {@link Message} and of the settings that decide how messages go. */
public final class MessageCommands {

    private MessageCommands() {
    }

    public record DraftMessage(@TargetAggregateIdentifier String messageId, List<String> schoolUrns,
                               MessageKind kind, List<MessageText> texts, String fallbackLanguage,
                               RequestContext actor, Instant at) {
    }

    public record ReviseMessage(@TargetAggregateIdentifier String messageId,
                                @TargetAggregateVersion Long expectedVersion, MessageKind kind,
                                List<MessageText> texts, String fallbackLanguage, RequestContext actor,
                                Instant at) {
    }

    public record ScheduleMessage(@TargetAggregateIdentifier String messageId, Instant sendAt,
                                  Audience.Criteria audience, RequestContext actor, Instant at) {
    }

    public record CancelMessage(@TargetAggregateIdentifier String messageId, RequestContext actor, Instant at) {
    }

    /**
     * Sends the message to the copies worked out from its audience now.
     *
     * @param actor who sends it; for a scheduled message that falls due, who scheduled it
     * @param due   true when it goes because its schedule fell due, rather than because staff said "send now"
     * @param routed the copies that wait for a digest, and whom the message counts against in the weekly limit
     */
    public record SendMessage(@TargetAggregateIdentifier String messageId, List<MessageCopy> copies,
                              MessageRouted routed, RequestContext actor, boolean due, Instant at) {
    }

    /** Sets a school's digest time and weekly limit; the first change creates the school's settings. */
    public record ChangeMessageSettings(@TargetAggregateIdentifier String settingsId, String schoolUrn,
                                        DayOfWeek digestDay, LocalTime digestTime, int weeklyLimit,
                                        RequestContext actor, Instant at) {

        /** Prefixed: aggregate ids share one key space in the event log. */
        public static String idOf(String schoolUrn) {
            return "message-settings-" + schoolUrn;
        }
    }

    /**
     * A family's (or one carer's) choice of a weekly digest, as staff recorded it on what the family asked.
     *
     * @param familySchools the family's schools, as the directory has them: the caller must act for one
     * @param carerId       one carer, or null for the whole family
     */
    public record ChooseDigest(@TargetAggregateIdentifier String choiceId, String familyId, String trustId,
                               List<String> familySchools, String carerId, boolean digest, RequestContext actor,
                               Instant at) {

        public static String idOf(String familyId) {
            return "message-digest-" + familyId;
        }
    }
}
