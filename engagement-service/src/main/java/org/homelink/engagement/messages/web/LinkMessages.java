package org.homelink.engagement.messages.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.messages.command.MessageCommands;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.messages.query.MessageView;
import org.homelink.engagement.messages.query.PendingLinks;
import org.homelink.engagement.messages.query.PendingLinks.LinkFor;
import org.homelink.engagement.messages.query.RecipientDirectory;
import org.homelink.engagement.messages.sending.Recipients;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.RequestContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Personal links (a survey's, an agreement's) sent as a message, through the messages' own commands: drafted before
 * the links are recorded, so that texts the message rules refuse store no links; sent after, to exactly the carers
 * who got one, each copy by the carer's route and in their language. The plain links wait in {@link PendingLinks}
 * for the dispatcher, never in an event.
 */
@Component
public class LinkMessages {

    private final CommandGateway commands;
    private final MessageProjection messages;
    private final Recipients recipients;
    private final PendingLinks pending;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    LinkMessages(CommandGateway commands, MessageProjection messages, Recipients recipients, PendingLinks pending,
                 Clock clock, @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.messages = messages;
        this.recipients = recipients;
        this.pending = pending;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("message read model", messages::versionOf, longest);
    }

    /** A message drafted to carry links, or nothing to send when the request had no texts. */
    public final class Draft {
        private final String messageId;
        private final RequestContext actor;
        private final Set<String> schools;

        private Draft(String messageId, RequestContext actor, Set<String> schools) {
            this.messageId = messageId;
            this.actor = actor;
            this.schools = schools;
        }

        /** Recording the links failed: the draft goes too, so that nothing is left of the request. */
        public void discard() {
            if (messageId != null) {
                send(new MessageCommands.CancelMessage(messageId, actor, clock.instant()));
            }
        }

        /**
         * Sends the message to the carers who were given a link now; answers its id, or null when there is none
         * (no texts, or no carer was new).
         */
        public String send(List<LinkFor> links) {
            if (messageId == null) {
                return null;
            }
            if (links.isEmpty()) {
                discard();
                return null;
            }
            Instant now = clock.instant();
            MessageView message = messages.message(messageId).orElseThrow();
            Set<String> families = links.stream().map(LinkFor::familyId).collect(Collectors.toCollection(TreeSet::new));
            Set<String> carers = links.stream().map(l -> RecipientDirectory.key(l.familyId(), l.carerId()))
                                      .collect(Collectors.toSet());
            Recipients.Plan plan = recipients.plan(message, actor, new Audience.Criteria(
                    schools, families, null, null, null, null, false), now, carers);
            // Before the send: the dispatcher may take the first copies as soon as the send is recorded.
            pending.keep(messageId, links, now);
            send(new MessageCommands.SendMessage(messageId, plan.copies(), plan.routed(), actor, false, now));
            return messageId;
        }

        private void send(Object command) {
            catchUp.sendAndAwait(commands, messageId, command);
        }
    }

    /**
     * Drafts the message when the request has texts: 400 naming each body without {@value PendingLinks#MARK}, the
     * messages' own rules (422) otherwise, before any link is made.
     *
     * @param schoolUrns the schools whose families the links go to: the message is theirs
     */
    public Draft draft(RequestContext actor, Collection<String> schoolUrns, MessageRequests.LinkMessageRequest texts) {
        Set<String> schools = new TreeSet<>(schoolUrns);
        if (texts == null) {
            return new Draft(null, actor, schools);
        }
        List<MessageText> checked = texts.checkedTexts();
        String messageId = UUID.randomUUID().toString();
        Draft draft = new Draft(messageId, actor, schools);
        draft.send(new MessageCommands.DraftMessage(
                messageId, List.copyOf(schools), MessageKind.MESSAGE, checked, texts.fallback(checked), actor,
                clock.instant()));
        return draft;
    }
}
