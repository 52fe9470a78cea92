package org.homelink.engagement.messages.sending;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.engagement.messages.command.MessageCommands.SendMessage;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.messages.query.MessageProjection.DueAt;
import org.homelink.engagement.messages.query.MessageView;
import org.homelink.platform.audit.SystemWork;
import org.homelink.platform.web.RuleBrokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each scheduled message when its time comes, to its audience as the directory has it then, as the member of
 * staff who scheduled it would have. Two instances may both try: the message takes the first and refuses the second.
 */
@Component
public class ScheduledSending {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSending.class);
    /** A message that could not go (its audience is empty now, say) is tried again after this, not every round. */
    private static final Duration AFTER_A_REFUSAL = Duration.ofMinutes(15);

    private final MessageProjection messages;
    private final Recipients recipients;
    private final CommandGateway commands;
    private final Clock clock;
    private final Map<String, Instant> refused = new ConcurrentHashMap<>();

    ScheduledSending(MessageProjection messages, Recipients recipients, CommandGateway commands, Clock clock) {
        this.messages = messages;
        this.recipients = recipients;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${homelink.engagement.messages.dispatch-every:1s}",
               initialDelayString = "${homelink.engagement.messages.dispatch-every:1s}")
    void everyFewSeconds() {
        // Each message records who scheduled it; what it sends now is this job's doing.
        SystemWork.run("scheduled-sending", this::sendDue);
    }

    /** Sends every message whose time has come; answers how many went. */
    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (DueAt due : messages.due(now)) {
            Instant last = refused.get(due.messageId());
            if (last != null && last.plus(AFTER_A_REFUSAL).isAfter(now)) {
                continue;
            }
            MessageView message = messages.message(due.messageId()).orElse(null);
            if (message == null || !"SCHEDULED".equals(message.stage())) {
                continue;
            }
            try {
                Recipients.Plan plan = recipients.plan(message, message.scheduledBy(), message.audience(), now);
                commands.sendAndWait(new SendMessage(message.messageId(), plan.copies(), plan.routed(),
                                                     message.scheduledBy(), true, now));
                refused.remove(due.messageId());
                sent++;
            } catch (RuntimeException e) {
                refused.put(due.messageId(), now);
                // Ids only: a rule's message names ids, another exception's might quote anything.
                log.warn("Scheduled message {} could not go: {}", due.messageId(),
                         e instanceof RuleBrokenException rule ? rule.getMessage() : e.getClass().getName());
            }
        }
        return sent;
    }
}
