package org.homelink.family.families.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homelink.family.families.command.FamilyCommands;
import org.homelink.family.families.command.FamilyRules.FamilyNotFound;
import org.homelink.family.families.command.FamilyRules.NotInThisFamily;
import org.homelink.family.families.query.FamilyDetail;
import org.homelink.family.families.query.FamilyPage;
import org.homelink.family.families.query.FamilyQueries;
import org.homelink.family.families.query.FamilySearch;
import org.homelink.family.families.query.FamilyTimeline;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.ExpectedVersion;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.homelink.platform.web.Versions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Families over HTTP. Every request acts for the caller's trust, schools and role; a family outside them answers
 * 404 exactly as one that does not exist. Commands on a family take {@code If-Match} with the ETag last read, and
 * answer with the family's new version as their ETag.
 */
@RestController
@RequestMapping("/api/families")
@Tag(name = "Families", description = "What a school records about a family, and the family directory")
@Allowed(Permission.FAMILIES_READ)
class FamilyController {

    private static final String FAMILIES = "/api/families/";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final DirectoryCatchUp catchUp;
    private final Clock clock;

    FamilyController(CommandGateway commands, QueryGateway queries, DirectoryCatchUp catchUp, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /**
     * What a command did.
     *
     * @param familyId the family
     * @param id       the carer, child, barrier or voice it created, if any
     * @param version  the family's version now: its ETag
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Changed(String familyId, String id, long version) {
    }

    /** Runs before every request here: partners see families only through referrals, in their own service. */
    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @Allowed(Permission.FAMILIES_EDIT)
    @PostMapping
    @Operation(summary = "Register a family at one of the caller's schools")
    ResponseEntity<Changed> register(RequestContext actor,
                                     @Valid @RequestBody FamilyRequests.RegisterFamilyRequest body) {
        String familyId = newId();
        long version = send(familyId, new FamilyCommands.RegisterFamily(familyId, body.schoolUrn(),
                                                                         body.familyName().strip(), actor, now()));
        return ResponseEntity.created(URI.create(FAMILIES + familyId)).eTag(Versions.etag(version))
                             .body(new Changed(familyId, null, version));
    }

    @GetMapping
    @Operation(summary = "Search the family directory",
               description = "Only families of the caller's trust that share one of the caller's schools (every "
                             + "family of the trust for a trust leader). Pages count from 0.")
    FamilyPage search(RequestContext actor, @Valid @ParameterObject FamilySearch search) {
        return queries.query(new FamilyQueries.FindFamilies(actor, search), FamilyPage.class).join();
    }

    @GetMapping("/{familyId}")
    @Operation(summary = "A family in detail", description = "Its ETag is the family's version.")
    ResponseEntity<FamilyDetail> family(RequestContext actor, @PathVariable String familyId) {
        FamilyDetail family = detail(actor, familyId);
        return ResponseEntity.ok().eTag(Versions.etag(family.version())).body(family);
    }

    @GetMapping("/{familyId}/timeline")
    @Operation(summary = "Every change to a family, oldest first")
    FamilyTimeline.FamilyHistory timeline(RequestContext actor, @PathVariable String familyId) {
        return queries.query(new FamilyQueries.FindFamilyTimeline(actor, familyId),
                             ResponseTypes.optionalInstanceOf(FamilyTimeline.FamilyHistory.class))
                      .join().orElseThrow(FamilyNotFound::new);
    }

    @Allowed(Permission.FAMILIES_EDIT)
    @PostMapping("/{familyId}/carers")
    @Operation(summary = "Add a carer: any adult with parental responsibility or a caring role")
    ResponseEntity<Changed> addCarer(RequestContext actor, @PathVariable String familyId,
                                     ExpectedVersion ifMatch,
                                     @Valid @RequestBody FamilyRequests.CarerRequest body) {
        String carerId = newId();
        return created(familyId, "carers", carerId, new FamilyCommands.AddCarer(
                familyId, ifMatch.value(), carerId, body.toDetails(), body.preferences().toPreferences(),
                actor, now()));
    }

    @GetMapping("/{familyId}/carers/{carerId}")
    @Operation(summary = "One carer of a family")
    FamilyDetail.Carer carer(RequestContext actor, @PathVariable String familyId, @PathVariable String carerId) {
        return member(actor, familyId, "carer", carerId, family -> family.carer(carerId));
    }

    @Allowed(Permission.FAMILIES_EDIT)
    @PutMapping("/{familyId}/carers/{carerId}")
    @Operation(summary = "Say how a carer now is", description = "Records only what differs.")
    ResponseEntity<Changed> updateCarer(RequestContext actor, @PathVariable String familyId,
                                        @PathVariable String carerId,
                                        ExpectedVersion ifMatch,
                                        @Valid @RequestBody FamilyRequests.CarerRequest body) {
        return changed(familyId, new FamilyCommands.UpdateCarer(
                familyId, ifMatch.value(), carerId, body.toDetails(), body.preferences().toPreferences(),
                actor, now()));
    }

    @Allowed(Permission.FAMILIES_EDIT)
    @PutMapping("/{familyId}/carers/{carerId}/contact-preferences")
    @Operation(summary = "Change how and when a carer wants to be contacted")
    ResponseEntity<Changed> changeContactPreferences(
            RequestContext actor, @PathVariable String familyId, @PathVariable String carerId,
            ExpectedVersion ifMatch,
            @Valid @RequestBody FamilyRequests.ContactPreferencesRequest body) {
        return changed(familyId, new FamilyCommands.ChangeContactPreferences(
                familyId, ifMatch.value(), carerId, body.toPreferences(), actor, now()));
    }

    @Allowed(Permission.FAMILIES_EDIT)
    @PostMapping("/{familyId}/children")
    @Operation(summary = "Enrol a child new to the family's record at a school of the trust")
    ResponseEntity<Changed> enrolChild(RequestContext actor, @PathVariable String familyId,
                                       ExpectedVersion ifMatch,
                                       @Valid @RequestBody FamilyRequests.EnrolChildRequest body) {
        String childId = newId();
        return created(familyId, "children", childId, new FamilyCommands.EnrolChild(
                familyId, ifMatch.value(), childId, body.name().strip(), body.dateOfBirth(),
                body.yearGroup(), body.send(), body.schoolUrn(), body.enrolledOn(), actor, now()));
    }

    @GetMapping("/{familyId}/children/{childId}")
    @Operation(summary = "One child of a family")
    FamilyDetail.Child child(RequestContext actor, @PathVariable String familyId, @PathVariable String childId) {
        return member(actor, familyId, "child", childId, family -> family.child(childId));
    }

    @Allowed(Permission.FAMILIES_EDIT)
    @PostMapping("/{familyId}/children/{childId}/leaving")
    @Operation(summary = "Record that a child has left their school")
    ResponseEntity<Changed> childLeaving(RequestContext actor, @PathVariable String familyId,
                                         @PathVariable String childId,
                                         ExpectedVersion ifMatch,
                                         @Valid @RequestBody FamilyRequests.ChildLeavingRequest body) {
        return changed(familyId, new FamilyCommands.RecordChildLeaving(
                familyId, ifMatch.value(), childId, body.leftOn(), actor, now()));
    }

    @Allowed(Permission.FAMILIES_EDIT)
    @PostMapping("/{familyId}/children/{childId}/enrolment")
    @Operation(summary = "Enrol a child who has left a school at a school of the trust again")
    ResponseEntity<Changed> reEnrolChild(RequestContext actor, @PathVariable String familyId,
                                         @PathVariable String childId,
                                         ExpectedVersion ifMatch,
                                         @Valid @RequestBody FamilyRequests.ReEnrolChildRequest body) {
        return changed(familyId, new FamilyCommands.ReEnrolChild(
                familyId, ifMatch.value(), childId, body.schoolUrn(), body.yearGroup(), body.enrolledOn(),
                actor, now()));
    }

    @Allowed(Permission.FAMILY_SUPPORT)
    @PostMapping("/{familyId}/barriers")
    @Operation(summary = "Record a barrier to the family's engagement")
    ResponseEntity<Changed> recordBarrier(RequestContext actor, @PathVariable String familyId,
                                          ExpectedVersion ifMatch,
                                          @Valid @RequestBody FamilyRequests.RecordBarrierRequest body) {
        String barrierId = newId();
        return created(familyId, "barriers", barrierId, new FamilyCommands.RecordBarrier(
                familyId, ifMatch.value(), barrierId, body.barrier(), body.note(), actor, now()));
    }

    @Allowed(Permission.FAMILY_SUPPORT)
    @GetMapping("/{familyId}/barriers/{barrierId}")
    @Operation(summary = "One barrier recorded for a family")
    FamilyDetail.BarrierRecord barrier(RequestContext actor, @PathVariable String familyId,
                                       @PathVariable String barrierId) {
        return member(actor, familyId, "barrier", barrierId, family -> family.barrier(barrierId));
    }

    @Allowed(Permission.FAMILY_SUPPORT)
    @PostMapping("/{familyId}/barriers/{barrierId}/resolution")
    @Operation(summary = "Resolve a barrier")
    ResponseEntity<Changed> resolveBarrier(RequestContext actor, @PathVariable String familyId,
                                           @PathVariable String barrierId,
                                           ExpectedVersion ifMatch,
                                           @Valid @RequestBody FamilyRequests.ResolveBarrierRequest body) {
        return changed(familyId, new FamilyCommands.ResolveBarrier(
                familyId, ifMatch.value(), barrierId, body.note(), actor, now()));
    }

    @Allowed({Permission.FAMILY_SUPPORT, Permission.FAMILIES_EDIT})
    @PostMapping("/{familyId}/consents/given")
    @Operation(summary = "Record a consent given by a carer with parental responsibility")
    ResponseEntity<Changed> giveConsent(RequestContext actor, @PathVariable String familyId,
                                        ExpectedVersion ifMatch,
                                        @Valid @RequestBody FamilyRequests.GiveConsentRequest body) {
        return changed(familyId, new FamilyCommands.GiveConsent(
                familyId, ifMatch.value(), body.purpose(), body.carerId(), body.givenOn(), actor, now()));
    }

    @Allowed({Permission.FAMILY_SUPPORT, Permission.FAMILIES_EDIT})
    @PostMapping("/{familyId}/consents/withdrawn")
    @Operation(summary = "Record a consent withdrawn by a carer with parental responsibility")
    ResponseEntity<Changed> withdrawConsent(RequestContext actor, @PathVariable String familyId,
                                            ExpectedVersion ifMatch,
                                            @Valid @RequestBody FamilyRequests.WithdrawConsentRequest body) {
        return changed(familyId, new FamilyCommands.WithdrawConsent(
                familyId, ifMatch.value(), body.purpose(), body.carerId(), body.withdrawnOn(), actor,
                now()));
    }

    @Allowed(Permission.KEY_WORKERS_ASSIGN)
    @PutMapping("/{familyId}/key-worker")
    @Operation(summary = "Assign the family's key worker", description = "School and trust leaders only.")
    ResponseEntity<Changed> assignKeyWorker(RequestContext actor, @PathVariable String familyId,
                                            ExpectedVersion ifMatch,
                                            @Valid @RequestBody FamilyRequests.AssignKeyWorkerRequest body) {
        StaffOnly.requireLeader(actor, "assign key workers");
        return changed(familyId, new FamilyCommands.AssignKeyWorker(
                familyId, ifMatch.value(), body.staffId(), actor, now()));
    }

    @Allowed(Permission.FAMILY_SUPPORT)
    @PostMapping("/{familyId}/voice")
    @Operation(summary = "Record what the family wants the school to know, in their words")
    ResponseEntity<Changed> recordVoice(RequestContext actor, @PathVariable String familyId,
                                        ExpectedVersion ifMatch,
                                        @Valid @RequestBody FamilyRequests.RecordVoiceRequest body) {
        String voiceId = newId();
        return created(familyId, "voice", voiceId, new FamilyCommands.RecordFamilyVoice(
                familyId, ifMatch.value(), voiceId, body.carerId(), body.words(), actor, now()));
    }

    @Allowed(Permission.FAMILY_SUPPORT)
    @GetMapping("/{familyId}/voice/{voiceId}")
    @Operation(summary = "One thing the family has told the school")
    FamilyDetail.Voice voice(RequestContext actor, @PathVariable String familyId, @PathVariable String voiceId) {
        return member(actor, familyId, "voice record", voiceId, family -> family.voice(voiceId));
    }

    private ResponseEntity<Changed> created(String familyId, String collection, String id, Object command) {
        long version = send(familyId, command);
        return ResponseEntity.created(URI.create(FAMILIES + familyId + "/" + collection + "/" + id))
                             .eTag(Versions.etag(version)).body(new Changed(familyId, id, version));
    }

    private ResponseEntity<Changed> changed(String familyId, Object command) {
        long version = send(familyId, command);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new Changed(familyId, null, version));
    }

    /** Sends the command and waits for the directory to show its outcome; answers the family's version. */
    private long send(String familyId, Object command) {
        Object result = commands.sendAndWait(command);
        // A family's first command answers with its id: a new family is at version 0.
        long version = result instanceof Long updated ? updated : 0L;
        catchUp.await(familyId, version);
        return version;
    }

    private FamilyDetail detail(RequestContext actor, String familyId) {
        return queries.query(new FamilyQueries.FindFamily(actor, familyId),
                             ResponseTypes.optionalInstanceOf(FamilyDetail.class))
                      .join().orElseThrow(FamilyNotFound::new);
    }

    private <T> T member(RequestContext actor, String familyId, String what, String id,
                         Function<FamilyDetail, Optional<T>> find) {
        return find.apply(detail(actor, familyId)).orElseThrow(() -> new NotInThisFamily(what, id));
    }

    private Instant now() {
        return clock.instant();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
