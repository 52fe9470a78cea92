package org.homelink.engagement.messages.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.contracts.engagement.MessageSent;
import org.homelink.engagement.messages.command.MessageCommands.CancelMessage;
import org.homelink.engagement.messages.command.MessageCommands.DraftMessage;
import org.homelink.engagement.messages.command.MessageCommands.ReviseMessage;
import org.homelink.engagement.messages.command.MessageCommands.ScheduleMessage;
import org.homelink.engagement.messages.command.MessageCommands.SendMessage;
import org.homelink.engagement.messages.command.MessageRules.FallbackWithoutText;
import org.homelink.engagement.messages.command.MessageRules.MessageNotFound;
import org.homelink.engagement.messages.command.MessageRules.NoLongerADraft;
import org.homelink.engagement.messages.command.MessageRules.NoRecipients;
import org.homelink.engagement.messages.command.MessageRules.NoText;
import org.homelink.engagement.messages.command.MessageRules.NotDueYet;
import org.homelink.engagement.messages.command.MessageRules.ScheduledInThePast;
import org.homelink.engagement.messages.command.MessageRules.TextNotSound;
import org.homelink.engagement.messages.events.MessageEvents.MessageCancelled;
import org.homelink.engagement.messages.events.MessageEvents.MessageDrafted;
import org.homelink.engagement.messages.events.MessageEvents.MessageRevised;
import org.homelink.engagement.messages.events.MessageEvents.MessageScheduled;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A message or newsletter of one or more schools: its text in each language people wrote it in, which of them
 * carers without their own get, when it goes, and that it went.
 * <p>
 * Who gets it and how is worked out at the moment of sending, from the directory as it is then, and given to the
 * aggregate as copies: the aggregate keeps the rules of a message's life, not the directory. Staff commands need
 * the caller to act for every school of the message; a message elsewhere is one that does not exist.
 */
@Aggregate
public class Message {

    /** Long enough for a newsletter, short enough that a message is not a channel for documents. */
    static final int LONGEST_BODY = 20_000;
    static final int LONGEST_SUBJECT = 200;

    private enum Stage { DRAFT, SCHEDULED, SENT, CANCELLED }

    @AggregateIdentifier
    private String messageId;
    private String trustId;
    private List<String> schoolUrns;
    private Stage stage;
    private Instant sendAt;
    private MessageKind kind;

    protected Message() {
    }

    @CommandHandler
    public Message(DraftMessage command) {
        RequestContext actor = command.actor();
        for (String school : command.schoolUrns()) {
            if (!actor.covers(actor.trustId(), Set.of(school))) {
                throw new NotYourSchool(school);
            }
        }
        requireSound(command.texts(), command.fallbackLanguage());
        apply(new MessageDrafted(command.messageId(), actor.trustId(), List.copyOf(command.schoolUrns()),
                                 command.kind(), List.copyOf(command.texts()), command.fallbackLanguage(),
                                 actor.staffId(), command.at()));
    }

    @CommandHandler
    public long handle(ReviseMessage command) {
        requireInScope(command.actor());
        requireChangeable("texts");
        requireSound(command.texts(), command.fallbackLanguage());
        apply(new MessageRevised(messageId, command.kind(), List.copyOf(command.texts()), command.fallbackLanguage(),
                                 command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(ScheduleMessage command) {
        requireInScope(command.actor());
        requireChangeable("sendAt");
        if (!command.sendAt().isAfter(command.at())) {
            throw new ScheduledInThePast();
        }
        apply(new MessageScheduled(messageId, command.sendAt(), command.audience(), command.actor(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(CancelMessage command) {
        requireInScope(command.actor());
        requireChangeable("messageId");
        apply(new MessageCancelled(messageId, command.actor().staffId(), command.at()));
        return version();
    }

    @CommandHandler
    public long handle(SendMessage command) {
        requireInScope(command.actor());
        requireChangeable("messageId");
        if (command.due() && (stage != Stage.SCHEDULED || command.at().isBefore(sendAt))) {
            throw new NotDueYet();
        }
        if (command.copies().isEmpty()) {
            throw new NoRecipients();
        }
        apply(new MessageSent(messageId, trustId, schoolUrns, kind, command.actor().staffId(), command.at(),
                              List.copyOf(command.copies())));
        apply(command.routed());
        return version();
    }

    @EventSourcingHandler
    void on(MessageDrafted event) {
        messageId = event.messageId();
        trustId = event.trustId();
        schoolUrns = event.schoolUrns();
        kind = event.kind();
        stage = Stage.DRAFT;
    }

    @EventSourcingHandler
    void on(MessageRevised event) {
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(MessageScheduled event) {
        stage = Stage.SCHEDULED;
        sendAt = event.sendAt();
    }

    @EventSourcingHandler
    void on(MessageCancelled event) {
        stage = Stage.CANCELLED;
    }

    @EventSourcingHandler
    void on(MessageSent event) {
        stage = Stage.SENT;
    }

    private void requireInScope(RequestContext actor) {
        // A stream that is not a message's (another aggregate's id) has no schools: it is no message.
        if (schoolUrns == null || !schoolUrns.stream().allMatch(school -> actor.covers(trustId, Set.of(school)))) {
            throw new MessageNotFound();
        }
    }

    private void requireChangeable(String field) {
        if (stage == Stage.SENT || stage == Stage.CANCELLED) {
            throw new NoLongerADraft(field, stage == Stage.SENT ? "sent" : "cancelled");
        }
    }

    private static void requireSound(List<MessageText> texts, String fallbackLanguage) {
        if (texts == null || texts.isEmpty()) {
            throw new NoText();
        }
        Set<String> languages = new HashSet<>();
        for (MessageText text : texts) {
            if (text.language() == null || !languages.add(text.language())) {
                throw new TextNotSound("Each text needs a language of its own: " + text.language());
            }
            if (text.subject() == null || text.subject().isBlank() || text.subject().length() > LONGEST_SUBJECT) {
                throw new TextNotSound("The " + text.language() + " text needs a subject of up to "
                                       + LONGEST_SUBJECT + " characters");
            }
            if (text.body() == null || text.body().isBlank() || text.body().length() > LONGEST_BODY) {
                throw new TextNotSound("The " + text.language() + " text needs a body of up to " + LONGEST_BODY
                                       + " characters");
            }
        }
        if (!languages.contains(fallbackLanguage)) {
            throw new FallbackWithoutText(fallbackLanguage);
        }
    }

    private static long version() {
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }
}
