package org.homelink.engagement.messages.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.dispatch.DeliveryReporter;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.engagement.messages.query.FeedItem;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.messages.query.MessageView;
import org.homelink.engagement.messages.query.PendingLinks;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.Paged;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A carer's in-app feed, as the school's front-end reads it: the messages placed in it, newest first, and marking one
 * read. In the staff context of the family's school, by a role that serves the family app; the carer's own context
 * (the front-ends calling with their client credentials on the carer's behalf) is still to do.
 */
@RestController
@RequestMapping("/api/engagement/messages/feed/families/{familyId}/carers/{carerId}")
@Validated
@Tag(name = "Messages")
@Allowed(Permission.FAMILY_APP)
class FeedController {

    private final MessageProjection messages;
    private final FamilyEngagementProjection families;
    private final DeliveryReporter reports;
    private final PendingLinks links;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    FeedController(MessageProjection messages, FamilyEngagementProjection families, DeliveryReporter reports,
                   PendingLinks links, Clock clock,
                   @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.messages = messages;
        this.families = families;
        this.reports = reports;
        this.links = links;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("app feed", longest);
    }

    /** A message in the feed, in the language the carer gets it in. */
    record FeedEntry(String deliveryId, String messageId, String schoolUrn, MessageKind kind, String language,
                     String subject, String body, Instant placedAt, Instant readAt) {
    }

    @GetMapping
    @Operation(summary = "A carer's app feed, newest first")
    Paged<FeedEntry> feed(RequestContext actor, @PathVariable String familyId, @PathVariable String carerId,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        EngagementFamily family = carerOf(actor, familyId, carerId);
        List<String> newestFirst = messages.feedOf(familyId, carerId);
        Map<String, FeedItem> items = new HashMap<>();
        messages.feedItems(newestFirst).forEach(item -> items.put(item.deliveryId(), item));
        List<FeedItem> visible = newestFirst.stream().map(items::get)
                                         .filter(item -> item != null
                                                         && actor.covers(family.trustId(), Set.of(item.schoolUrn())))
                                         .toList();
        Paged<FeedItem> paged = Paged.of(visible, page, size);
        Map<String, MessageView> texts = messages.messages(paged.items().stream().map(FeedItem::messageId).toList());
        Map<String, String> personal = linksOf(paged.items(), texts);
        return paged.map(item -> entry(item, texts.get(item.messageId()), personal));
    }

    @PostMapping("/items/{deliveryId}/read")
    @Operation(summary = "The carer has read a message of their feed: its copy is READ")
    FeedEntry read(RequestContext actor, @PathVariable String familyId, @PathVariable String carerId,
                   @PathVariable String deliveryId) {
        EngagementFamily family = carerOf(actor, familyId, carerId);
        FeedItem item = messages.feedItems(List.of(deliveryId)).stream()
                                .filter(i -> i.familyId().equals(familyId) && i.carerId().equals(carerId)
                                             && actor.covers(family.trustId(), Set.of(i.schoolUrn())))
                                .findFirst().orElseThrow(() -> new NotFoundException("No such item in the feed"));
        reports.report(deliveryId, DeliveryState.READ, null, clock.instant());
        catchUp.await(deliveryId, () -> messages.copy(deliveryId)
                                                .map(c -> c.state() == DeliveryState.READ).orElse(false));
        FeedItem now = messages.feedItems(List.of(deliveryId)).stream().findFirst().orElse(item);
        MessageView message = messages.message(item.messageId()).orElseThrow();
        return entry(now, message, linksOf(List.of(now), Map.of(message.messageId(), message)));
    }

    private EngagementFamily carerOf(RequestContext actor, String familyId, String carerId) {
        return families.familyFor(actor, familyId).filter(f -> f.carer(carerId).isPresent())
                       .orElseThrow(() -> new NotFoundException("No such carer"));
    }

    /** The carers' links of the items whose text asks for one, read together: one round trip for a page. */
    private Map<String, String> linksOf(List<FeedItem> items, Map<String, MessageView> texts) {
        return links.links(items.stream()
                                .filter(item -> PendingLinks.asksForLink(
                                        texts.get(item.messageId()).textIn(item.language()).body()))
                                .map(FeedController::linkKey).toList());
    }

    private static FeedEntry entry(FeedItem item, MessageView message, Map<String, String> personal) {
        MessageText text = message.textIn(item.language());
        String body = PendingLinks.fill(text.body(), Optional.ofNullable(personal.get(linkKey(item))));
        return new FeedEntry(item.deliveryId(), item.messageId(), item.schoolUrn(), message.kind(), text.language(),
                             text.subject(), body, item.placedAt(), item.readAt());
    }

    private static String linkKey(FeedItem item) {
        return PendingLinks.key(item.messageId(), item.familyId(), item.carerId());
    }
}
