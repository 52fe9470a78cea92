package org.homelink.engagement.contacts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.FollowUp;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.engagement.contacts.command.ContactCommands;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/**
 * The contact log over HTTP: home visits, calls, conversations at the gate, meetings and messages, each with who,
 * when, which way, how it went and what is to be done next.
 */
@RestController
@RequestMapping("/api/engagement")
@Tag(name = "Contact log", description = "Every contact between school and family, and its follow-up")
@Allowed(Permission.CONTACTS_LOG)
class ContactController {

    private final CommandGateway commands;
    private final FamilyEngagementProjection families;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    ContactController(CommandGateway commands, FamilyEngagementProjection families, Clock clock,
                      @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.families = families;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("family engagement read model", longest);
    }

    record FollowUpRequest(@NotBlank @Size(max = 500) String action, @NotNull LocalDate dueOn,
                           @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String ownerId) {
    }

    /**
     * @param reached for a contact the school began: whether the family was reached; left out, a conversation
     *                reached them and a message did not
     */
    record LogContactRequest(@NotBlank @Pattern(regexp = URN, message = URN_MESSAGE) String schoolUrn,
                             @NotNull ContactKind kind,
                             @NotNull ContactDirection direction,
                             Boolean reached,
                             @NotNull ContactTone tone,
                             Set<@Pattern(regexp = ID, message = ID_MESSAGE) String> carerIds,
                             @NotNull Instant happenedAt,
                             @NotBlank @Size(max = 4000) String summary,
                             Set<@NotNull InvolvementType> involvementTypes,
                             @Valid FollowUpRequest followUp) {
    }

    record CompleteFollowUpRequest(@Size(max = 1000) String note) {
    }

    record Logged(String contactId, String familyId) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @PostMapping("/families/{familyId}/contacts")
    @Operation(summary = "Log a contact with a family")
    ResponseEntity<Logged> log(RequestContext actor, @PathVariable String familyId,
                               @Valid @RequestBody LogContactRequest body) {
        EngagementFamily family = visible(actor, familyId);
        String contactId = UUID.randomUUID().toString();
        FollowUp followUp = body.followUp() == null ? null
                : new FollowUp(body.followUp().action().strip(), body.followUp().dueOn(), body.followUp().ownerId());
        commands.sendAndWait(new ContactCommands.LogContact(
                contactId, familyId, family.trustId(), family.schoolUrns(),
                family.carers().stream().map(EngagementFamily.Carer::carerId).collect(Collectors.toSet()),
                body.schoolUrn(), body.kind(), body.direction(), body.reached(), body.tone(),
                body.carerIds() == null ? Set.of() : body.carerIds(), body.happenedAt(), body.summary().strip(),
                body.involvementTypes() == null ? Set.of() : body.involvementTypes(), followUp, actor,
                clock.instant()));
        catchUp.await(contactId, () -> families.family(familyId).flatMap(f -> f.contact(contactId)).isPresent());
        return ResponseEntity.created(URI.create("/api/engagement/families/" + familyId + "/contacts/" + contactId))
                             .body(new Logged(contactId, familyId));
    }

    @GetMapping("/families/{familyId}/contacts")
    @Operation(summary = "A family's contact log, latest first")
    List<EngagementFamily.Contact> contacts(RequestContext actor, @PathVariable String familyId) {
        return visible(actor, familyId).contacts().stream()
                                       .sorted(Comparator.comparing(EngagementFamily.Contact::happenedAt).reversed())
                                       .toList();
    }

    @GetMapping("/families/{familyId}/contacts/{contactId}")
    @Operation(summary = "One contact")
    EngagementFamily.Contact contact(RequestContext actor, @PathVariable String familyId,
                                     @PathVariable String contactId) {
        return visible(actor, familyId).contact(contactId)
                                       .orElseThrow(() -> new NotFoundException("No such record"));
    }

    @PostMapping("/families/{familyId}/contacts/{contactId}/follow-up/completion")
    @Operation(summary = "Mark a contact's follow-up as done")
    ResponseEntity<Logged> complete(RequestContext actor, @PathVariable String familyId,
                                    @PathVariable String contactId,
                                    @Valid @RequestBody(required = false) CompleteFollowUpRequest body) {
        visible(actor, familyId).contact(contactId).orElseThrow(() -> new NotFoundException("No such record"));
        commands.sendAndWait(new ContactCommands.CompleteFollowUp(contactId, body == null ? null : body.note(), actor,
                                                                  clock.instant()));
        catchUp.await(contactId, () -> families.family(familyId).flatMap(f -> f.contact(contactId))
                                               .map(c -> c.followUpDoneAt() != null).orElse(false));
        return ResponseEntity.ok(new Logged(contactId, familyId));
    }

    private EngagementFamily visible(RequestContext actor, String familyId) {
        return families.familyFor(actor, familyId).orElseThrow(() -> new NotFoundException("No such record"));
    }
}
