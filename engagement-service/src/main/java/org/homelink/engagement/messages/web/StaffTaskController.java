package org.homelink.engagement.messages.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.EngagementFamily.Carer;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.dispatch.DeliveryReporter;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.engagement.messages.query.CopyView;
import org.homelink.engagement.messages.query.MessageProjection;
import org.homelink.engagement.messages.query.PendingLinks;
import org.homelink.engagement.messages.query.RecipientDirectory;
import org.homelink.engagement.messages.query.RecipientDirectory.CarerAddress;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.Paged;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;
import org.homelink.platform.web.StaffOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Staff tasks of messages: copies for a member of staff to give in person or by phone, and copies that failed, so
 * that the carer is reached another way. Lists show how each carer prefers to be reached, never their number or
 * address; opening one task shows those, to make the call.
 */
@RestController
@RequestMapping("/api/engagement/messages/tasks")
@Validated
@Tag(name = "Messages")
@Allowed(Permission.STAFF_TASKS)
class StaffTaskController {

    private final MessageProjection messages;
    private final FamilyEngagementProjection families;
    private final RecipientDirectory directory;
    private final PendingLinks links;
    private final DeliveryReporter reports;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    StaffTaskController(MessageProjection messages, FamilyEngagementProjection families, RecipientDirectory directory,
                        PendingLinks links, DeliveryReporter reports, Clock clock,
                        @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.messages = messages;
        this.families = families;
        this.directory = directory;
        this.links = links;
        this.reports = reports;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("staff tasks", longest);
    }

    /**
     * A carer to reach about a message.
     *
     * @param why STAFF when they are better spoken to, FAILED when their copy could not be delivered
     */
    record StaffTask(String deliveryId, String messageId, String schoolUrn, String familyId, String carerId,
                     String why, String route, DeliveryState state, String reason, ContactChannel channel,
                     String language, boolean needsInterpreter, boolean prefersSpokenContact, String keyWorker,
                     Instant since) {
    }

    /** One task opened: what to tell the carer, and how to reach them. */
    record OpenedTask(StaffTask task, String carerName, String phone, String email, String subject, String body,
                      String textLanguage) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @GetMapping
    @Operation(summary = "A school's open message tasks, oldest first; mine=true for the caller's caseload")
    Paged<StaffTask> tasks(RequestContext actor, @RequestParam String school,
                           @RequestParam(defaultValue = "false") boolean mine,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        families.rollFor(actor, school).orElseThrow(() -> new NotYourSchool("school", school));
        List<CopyView> open = messages.copies(messages.openTasks(school));
        Map<String, EngagementFamily> byId = new HashMap<>();
        families.families(open.stream().map(CopyView::familyId).distinct().toList())
                .forEach(family -> byId.put(family.familyId(), family));
        return Paged.of(open.stream().filter(CopyView::taskOpen)
                            .filter(c -> !mine || byId.containsKey(c.familyId())
                                                  && actor.staffId().equals(byId.get(c.familyId()).keyWorker()))
                            .sorted(Comparator.comparing(CopyView::updatedAt).thenComparing(CopyView::deliveryId))
                            .map(c -> task(c, byId.get(c.familyId()))).toList(), page, size);
    }

    @GetMapping("/{deliveryId}")
    @Operation(summary = "Open one task: the message's text in the carer's language, and their phone and email",
               description = "A message that carries a personal link shows the carer's link in its body, here only "
                             + "(never in the list), for staff to give on paper or read out.")
    OpenedTask open(RequestContext actor, @PathVariable String deliveryId) {
        CopyView copy = visible(actor, deliveryId);
        EngagementFamily family = families.family(copy.familyId()).orElse(null);
        Optional<Carer> carer = family == null ? Optional.empty() : family.carer(copy.carerId());
        Optional<CarerAddress> address = directory.address(copy.familyId(), copy.carerId());
        MessageText text = messages.message(copy.messageId()).orElseThrow().textIn(copy.language());
        return new OpenedTask(task(copy, family), carer.map(Carer::name).orElse(null),
                              address.map(CarerAddress::phone).orElse(null),
                              address.map(CarerAddress::email).orElse(null), text.subject(),
                              PendingLinks.fill(text.body(), links.link(copy.messageId(), copy.familyId(),
                                                                        copy.carerId())),
                              text.language());
    }

    @PostMapping("/{deliveryId}/completion")
    @Operation(summary = "Close a task: the carer was told (DELIVERED), or could not be reached (FAILED)")
    StaffTask complete(RequestContext actor, @PathVariable String deliveryId,
                       @Valid @RequestBody MessageRequests.CompleteTaskRequest body) {
        CopyView copy = visible(actor, deliveryId);
        if (!copy.taskOpen()) {
            throw new RuleBrokenException("deliveryId", "The task is closed already");
        }
        boolean told = body.outcome() == MessageRequests.Outcome.TOLD;
        reports.completeTask(deliveryId, told, body.note() == null ? null : body.note().strip(), actor.staffId(),
                             clock.instant());
        catchUp.await(deliveryId, () -> messages.copy(deliveryId).map(c -> !c.taskOpen()).orElse(false));
        // Given or not, the task is over: a link not given is sent again with the survey or agreement, not kept.
        links.forget(List.of(PendingLinks.key(copy.messageId(), copy.familyId(), copy.carerId())));
        CopyView done = messages.copy(deliveryId).orElse(copy);
        return task(done, families.family(done.familyId()).orElse(null));
    }

    private CopyView visible(RequestContext actor, String deliveryId) {
        return messages.copy(deliveryId).filter(c -> actor.covers(c.trustId(), Set.of(c.schoolUrn())))
                       .orElseThrow(() -> new NotFoundException("No such task"));
    }

    private static StaffTask task(CopyView copy, EngagementFamily family) {
        Optional<Carer> carer = family == null ? Optional.empty() : family.carer(copy.carerId());
        return new StaffTask(copy.deliveryId(), copy.messageId(), copy.schoolUrn(), copy.familyId(), copy.carerId(),
                             copy.state() == DeliveryState.FAILED ? "FAILED" : "STAFF", copy.route().name(),
                             copy.state(), copy.reason(), carer.map(Carer::channel).orElse(null),
                             carer.map(Carer::language).orElse(copy.language()),
                             carer.map(Carer::needsInterpreter).orElse(false),
                             carer.map(Carer::prefersSpokenContact).orElse(false),
                             family == null ? null : family.keyWorker(), copy.updatedAt());
    }
}
