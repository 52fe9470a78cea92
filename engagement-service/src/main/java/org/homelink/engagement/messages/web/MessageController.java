package org.homelink.engagement.messages.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.command.MessageCommands;
import org.homelink.engagement.messages.command.MessageRules.MessageNotFound;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.engagement.messages.query.CopyView;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.messages.query.MessageView;
import org.homelink.engagement.messages.sending.Preview;
import org.homelink.engagement.messages.sending.Recipients;
import org.homelink.platform.audit.AuditsFamilies;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.Paged;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.ExpectedVersion;
import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.homelink.platform.web.RuleBrokenException;
import org.homelink.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Messages and newsletters for staff: draft with a text per language, preview who gets what by which route, send
 * now or at a time, and follow every copy's delivery. Every command answers once the message's read model shows it.
 * <p>
 * Any member of staff of a school drafts and sends its messages and newsletters, as teachers and office staff do
 * today; a trust leader for any school of the trust. An urgent message passes over families' digests and the weekly
 * limit, so only school and trust leaders send one.
 */
@RestController
@RequestMapping("/api/engagement/messages")
@Validated
@Tag(name = "Messages", description = "Messages and newsletters to carers, by their channel and in their language")
@Allowed(Permission.MESSAGES_SEND)
class MessageController {

    static final String MESSAGES = "/api/engagement/messages/";

    private final CommandGateway commands;
    private final MessageProjection messages;
    private final FamilyEngagementProjection families;
    private final Recipients recipients;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    MessageController(CommandGateway commands, MessageProjection messages, FamilyEngagementProjection families,
                      Recipients recipients, Clock clock,
                      @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.messages = messages;
        this.families = families;
        this.recipients = recipients;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("message read model", messages::versionOf, longest);
    }

    record Changed(String messageId, long version) {
    }

    /** What sending did: the same figures as the preview. */
    record Sent(String messageId, long version, Preview preview) {
    }

    /** A message as staff see it; {@code states} counts its copies by delivery state once sent. */
    record MessageSummary(String messageId, List<String> schoolUrns, MessageKind kind, String stage,
                          List<MessageText> texts, String fallbackLanguage, Instant sendAt, String draftedBy,
                          Instant draftedAt, String sentBy, Instant sentAt, int copies, Map<String, Integer> states,
                          long version) {

        static MessageSummary of(MessageView m) {
            return new MessageSummary(m.messageId(), m.schoolUrns(), m.kind(), m.stage(), m.texts(),
                                      m.fallbackLanguage(), m.sendAt(), m.draftedBy(), m.draftedAt(), m.sentBy(),
                                      m.sentAt(), m.copies(), m.states(), m.version());
        }
    }

    /**
     * One copy's delivery, for the message's report: ids, never addresses.
     *
     * @param digest for a copy that went in a digest, the copy the provider knows the digest by
     */
    record CopyReport(String deliveryId, String schoolUrn, String familyId, String carerId, String route,
                      String language, DeliveryState state, String heldFor, String digest, int attempts,
                      String reason, Instant nextAttemptAt, boolean staffTask, Instant updatedAt) {

        static CopyReport of(CopyView c) {
            return new CopyReport(c.deliveryId(), c.schoolUrn(), c.familyId(), c.carerId(), c.route().name(),
                                  c.language(), c.state(), c.heldFor() == null ? null : c.heldFor().name(),
                                  c.reference(), c.attempts(), c.reason(), c.nextAttemptAt(), c.taskOpen(),
                                  c.updatedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Draft a message or newsletter of one or more of the caller's schools",
               description = "Its text in each language someone has written it in, at least one; the fallback is "
                             + "what carers whose language has no text get (the first text's when not given).")
    ResponseEntity<Changed> draft(RequestContext actor, @Valid @RequestBody MessageRequests.DraftRequest body) {
        for (String school : new TreeSet<>(body.schoolUrns())) {
            if (!families.isSchoolOfTrust(school, actor.trustId())) {
                throw new NotYourSchool("schoolUrns", school);
            }
        }
        requireMaySend(actor, body.kind());
        List<MessageText> texts = MessageRequests.texts(body.texts());
        String messageId = UUID.randomUUID().toString();
        long version = send(messageId, new MessageCommands.DraftMessage(
                messageId, List.copyOf(new TreeSet<>(body.schoolUrns())), body.kind(), texts,
                MessageRequests.fallback(body.fallbackLanguage(), texts), actor, now()));
        return ResponseEntity.created(URI.create(MESSAGES + messageId)).eTag(Versions.etag(version))
                             .body(new Changed(messageId, version));
    }

    @GetMapping
    @Operation(summary = "The messages of the caller's schools, newest first")
    Paged<MessageSummary> list(RequestContext actor, @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Paged.of(messages.messagesOfTrust(actor.trustId()).stream()
                                .filter(m -> covers(actor, m))
                                .sorted(Comparator.comparing(MessageView::draftedAt).reversed()
                                                  .thenComparing(MessageView::messageId))
                                .map(MessageSummary::of).toList(), page, size);
    }

    @GetMapping("/{messageId}")
    @Operation(summary = "A message, its stage and its copies counted by delivery state",
               description = "Its ETag is the message's version.")
    ResponseEntity<MessageSummary> message(RequestContext actor, @PathVariable String messageId) {
        MessageView message = visible(actor, messageId);
        return ResponseEntity.ok().eTag(Versions.etag(message.version())).body(MessageSummary.of(message));
    }

    @PutMapping("/{messageId}/texts")
    @Operation(summary = "Revise a draft's kind and texts (with If-Match, the version it was read at)")
    ResponseEntity<Changed> revise(RequestContext actor, @PathVariable String messageId, ExpectedVersion ifMatch,
                                   @Valid @RequestBody MessageRequests.ReviseRequest body) {
        requireMaySend(actor, body.kind());
        List<MessageText> texts = MessageRequests.texts(body.texts());
        return changed(messageId, new MessageCommands.ReviseMessage(
                messageId, ifMatch.value(), body.kind(), texts,
                MessageRequests.fallback(body.fallbackLanguage(), texts), actor, now()));
    }

    @GetMapping("/{messageId}/preview")
    @Operation(summary = "What sending to an audience would do: copies by route and language, carers whose "
                         + "language has no text, staff tasks, copies held for a digest or by the weekly limit",
               description = "The audience as query parameters, as for sending; a scheduled message without "
                             + "them previews its own audience.")
    Preview preview(RequestContext actor, @PathVariable String messageId,
                    @Valid @ModelAttribute Audience.Criteria audience) {
        MessageView message = visible(actor, messageId);
        boolean own = audience.empty() && message.audience() != null;
        return recipients.plan(message, actor, own ? message.audience() : audience, now()).preview();
    }

    @PostMapping("/{messageId}/sending")
    @Operation(summary = "Send a draft or scheduled message now, to an audience",
               description = "Answers with the same figures as the preview. Urgent messages go at once to "
                             + "everyone; others wait for a family's digest when it asked for one, or when it has "
                             + "had the school's weekly limit.")
    Sent sendNow(RequestContext actor, @PathVariable String messageId,
                 @Valid @RequestBody Audience.Criteria audience) {
        MessageView message = visible(actor, messageId);
        requireMaySend(actor, message.kind());
        Instant now = now();
        Recipients.Plan plan = recipients.plan(message, actor, audience, now);
        long version = send(messageId, new MessageCommands.SendMessage(messageId, plan.copies(), plan.routed(),
                                                                       actor, false, now));
        return new Sent(messageId, version, plan.preview());
    }

    @PostMapping("/{messageId}/schedule")
    @Operation(summary = "Schedule a draft to go at a time, to an audience drawn when it goes",
               description = "sendAt, an instant, or londonTime, a date and time on London's clocks. Scheduling "
                             + "again moves it.")
    ResponseEntity<Changed> schedule(RequestContext actor, @PathVariable String messageId,
                                     @Valid @RequestBody MessageRequests.ScheduleRequest body) {
        MessageView message = visible(actor, messageId);
        requireMaySend(actor, message.kind());
        if (body.audience().empty()) {
            throw new RuleBrokenException("audience", "Name the families, give criteria, or choose everyone");
        }
        // Drawn now as well as when it goes: schools not the caller's or families not on the roll are refused
        // (422 naming the field) to the person scheduling, not found out by the scheduler later.
        recipients.plan(message, actor, body.audience(), now());
        return changed(messageId, new MessageCommands.ScheduleMessage(messageId, body.moment(),
                                                                      body.audience(), actor, now()));
    }

    @PostMapping("/{messageId}/cancellation")
    @Operation(summary = "Cancel a draft or a scheduled message before it goes")
    ResponseEntity<Changed> cancel(RequestContext actor, @PathVariable String messageId) {
        return changed(messageId, new MessageCommands.CancelMessage(messageId, actor, now()));
    }

    @AuditsFamilies(AuditsFamilies.Shape.LIST)
    @GetMapping("/{messageId}/copies")
    @Operation(summary = "Each copy's delivery: route, language, state, attempts, last reason",
               description = "Failed copies first, then queued, then the rest; narrowed by state when given.")
    Paged<CopyReport> copies(RequestContext actor, @PathVariable String messageId,
                             @RequestParam(required = false) DeliveryState state,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        MessageView message = visible(actor, messageId);
        return Paged.of(messages.copiesOf(message.messageId()).stream()
                                .filter(c -> actor.covers(c.trustId(), Set.of(c.schoolUrn())))
                                .filter(c -> state == null || c.state() == state)
                                .sorted(Comparator.comparing((CopyView c) -> c.state() != DeliveryState.FAILED)
                                                  .thenComparing(CopyView::state)
                                                  .thenComparing(CopyView::deliveryId))
                                .map(CopyReport::of).toList(), page, size);
    }

    private MessageView visible(RequestContext actor, String messageId) {
        return messages.message(messageId).filter(m -> covers(actor, m)).orElseThrow(MessageNotFound::new);
    }

    /** Every school of the message: a message of several schools is for those who act for all of them. */
    private static boolean covers(RequestContext actor, MessageView message) {
        return message.schoolUrns().stream().allMatch(school -> actor.covers(message.trustId(), Set.of(school)));
    }

    private static void requireMaySend(RequestContext actor, MessageKind kind) {
        if (kind == MessageKind.URGENT && actor.role() != Role.SCHOOL_LEADER && actor.role() != Role.TRUST_LEADER) {
            throw new ForbiddenException("Only school and trust leaders send urgent messages");
        }
    }

    private ResponseEntity<Changed> changed(String messageId, Object command) {
        long version = send(messageId, command);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new Changed(messageId, version));
    }

    private long send(String messageId, Object command) {
        return catchUp.sendAndAwait(commands, messageId, command);
    }

    private Instant now() {
        return clock.instant();
    }
}
