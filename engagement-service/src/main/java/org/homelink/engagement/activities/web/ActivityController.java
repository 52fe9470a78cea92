package org.homelink.engagement.activities.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.Venue;
import org.homelink.engagement.activities.command.ActivityCommands;
import org.homelink.engagement.activities.command.ActivityCommands.FamiliesInvited;
import org.homelink.engagement.activities.query.ActivityDetail;
import org.homelink.engagement.activities.query.ActivityProjection;
import org.homelink.engagement.activities.query.ActivityQueries;
import org.homelink.engagement.activities.query.ActivityView;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.partners.PartnersProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.RuleBrokenException;
import org.homelink.platform.web.ExpectedVersion;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.homelink.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Engagement activities over HTTP: scheduling, invitations, answers, check-in and parents' evening appointments.
 * Every request acts for the caller's trust and schools; an activity elsewhere answers 404 as one that does not
 * exist. Every command answers once the activity's read model shows it (read-your-writes).
 */
@RestController
@RequestMapping("/api/engagement/activities")
@Tag(name = "Activities", description = "Coffee mornings, family afternoons, workshops, parents' evenings and more")
@Allowed(Permission.ACTIVITIES_RUN)
class ActivityController {

    private static final String ACTIVITIES = "/api/engagement/activities/";

    private final CommandGateway commands;
    private final ActivityQueries queries;
    private final ActivityProjection activities;
    private final FamilyEngagementProjection families;
    private final Audience audience;
    private final PartnersProjection partners;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    ActivityController(CommandGateway commands, ActivityQueries queries, ActivityProjection activities,
                       FamilyEngagementProjection families, Audience audience, PartnersProjection partners,
                       Clock clock,
                       @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.queries = queries;
        this.activities = activities;
        this.families = families;
        this.audience = audience;
        this.partners = partners;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("activity read model", activities::versionOf, longest);
    }

    /**
     * What a command did.
     *
     * @param activityId the activity
     * @param id         the slot or family it concerned, if any
     * @param version    the activity's version now: its ETag
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Changed(String activityId, String id, long version) {
    }

    /**
     * What inviting did.
     *
     * @param invited           families newly invited
     * @param matched           families the audience matched, those invited before included
     * @param withoutCarers     families matched but with no carer on record: they could not be invited
     * @param interpreterNeeded for each language, carers invited now who need an interpreter none is booked for
     */
    record Invited(String activityId, int invited, int matched, List<String> withoutCarers,
                   Map<String, Long> interpreterNeeded, long version) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @PostMapping
    @Operation(summary = "Schedule an activity at one of the caller's schools, once or repeating")
    ResponseEntity<Changed> schedule(RequestContext actor,
                                     @Valid @RequestBody ActivityRequests.ScheduleActivityRequest body) {
        // The activity checks that the caller acts for the school; only the register knows whose school it is.
        if (!families.isSchoolOfTrust(body.schoolUrn(), actor.trustId())) {
            throw new NotYourSchool(body.schoolUrn());
        }
        if (body.coHostOrganisationId() != null && partners.organisation(body.coHostOrganisationId()).isEmpty()) {
            throw new RuleBrokenException("coHostOrganisationId",
                                          "No partner organisation " + body.coHostOrganisationId() + " is known");
        }
        String activityId = UUID.randomUUID().toString();
        long version = send(activityId, new ActivityCommands.ScheduleActivity(
                activityId, body.schoolUrn(), body.kind(), body.kindName(), body.title().strip(), body.description(),
                body.occurrences(), new Venue(blankToNull(body.place()), blankToNull(body.videoLink())),
                body.capacity(), body.languages(), body.crecheAvailable(), body.involvementTypes(),
                body.coHostOrganisationId(), actor, now()));
        return ResponseEntity.created(URI.create(ACTIVITIES + activityId)).eTag(Versions.etag(version))
                             .body(new Changed(activityId, null, version));
    }

    @GetMapping
    @Operation(summary = "The activities of the caller's schools, or of one of them")
    List<ActivityView> list(RequestContext actor, @RequestParam(required = false) String school) {
        return queries.activities(actor, school);
    }

    @GetMapping("/{activityId}")
    @Operation(summary = "An activity, with who is coming and what would help others come",
               description = "Its ETag is the activity's version.")
    ResponseEntity<ActivityDetail> activity(RequestContext actor, @PathVariable String activityId) {
        ActivityDetail detail = queries.detail(actor, activityId);
        return ResponseEntity.ok().eTag(Versions.etag(detail.activity().version())).body(detail);
    }

    @PutMapping("/{activityId}/occurrences/{occurrence}")
    @Operation(summary = "Move one occurrence to another time; everyone invited is to be told")
    ResponseEntity<Changed> reschedule(RequestContext actor, @PathVariable String activityId,
                                       @PathVariable int occurrence, ExpectedVersion ifMatch,
                                       @Valid @RequestBody ActivityRequests.RescheduleRequest body) {
        return changed(activityId, null, new ActivityCommands.RescheduleOccurrence(
                activityId, ifMatch.value(), occurrence, body.start(), body.end(), body.reason(), actor, now()));
    }

    @PostMapping("/{activityId}/cancellations")
    @Operation(summary = "Cancel one occurrence, or every occurrence still to come; everyone invited is to be told")
    ResponseEntity<Changed> cancel(RequestContext actor, @PathVariable String activityId, ExpectedVersion ifMatch,
                                   @Valid @RequestBody ActivityRequests.CancelRequest body) {
        return changed(activityId, null, new ActivityCommands.CancelActivity(
                activityId, ifMatch.value(), body.occurrence(), body.reason().strip(), actor, now()));
    }

    @PostMapping("/{activityId}/invitations")
    @Operation(summary = "Invite families by name or by audience",
               description = "Year groups, barriers, languages and a key worker's caseload narrow the school's "
                             + "roll; each carer is reached by the channel and in the language they prefer. "
                             + "Families invited before are not invited again.")
    Invited invite(RequestContext actor, @PathVariable String activityId,
                   @Valid @RequestBody Audience.Criteria body) {
        ActivityView activity = queries.activity(actor, activityId);
        Audience.Resolved resolved = audience.resolve(actor, activity.trustId(), activity.schoolUrn(), body);
        FamiliesInvited result = commands.sendAndWait(new ActivityCommands.InviteFamilies(
                activityId, resolved.invitees(), resolved.description(), actor, now()));
        catchUp.await(activityId, result.version());
        // Families invited before were counted when they were invited.
        Set<String> invitedNow = Set.copyOf(result.familyIds());
        Map<String, Long> interpreterNeeded = resolved.invitees().stream()
                .filter(invitee -> invitedNow.contains(invitee.familyId()))
                .flatMap(invitee -> invitee.carers().stream())
                .filter(activity::interpreterMissingFor)
                .collect(Collectors.groupingBy(InvitedCarer::language, TreeMap::new, Collectors.counting()));
        return new Invited(activityId, result.invited(), resolved.invitees().size() + resolved.withoutCarers().size(),
                           resolved.withoutCarers(), interpreterNeeded, result.version());
    }

    @GetMapping("/{activityId}/invitations")
    @Operation(summary = "Every family invited, or come without an invitation, with their answers and check-ins")
    List<ActivityDetail.InvitedFamily> invitations(RequestContext actor, @PathVariable String activityId) {
        return queries.invitations(actor, activityId);
    }

    @PutMapping("/{activityId}/invitations/{familyId}/answer")
    @Operation(summary = "Record a family's answer: yes, no or maybe, and what would help them come",
               description = "A yes when the activity is full puts the family on its waiting list.")
    ResponseEntity<Changed> answer(RequestContext actor, @PathVariable String activityId,
                                   @PathVariable String familyId,
                                   @Valid @RequestBody ActivityRequests.AnswerRequest body) {
        return changed(activityId, familyId, new ActivityCommands.AnswerInvitation(
                activityId, familyId, body.carerId(), body.answer(),
                body.wouldHelp() == null ? Set.of() : body.wouldHelp(), actor, now()));
    }

    @PostMapping("/{activityId}/occurrences/{occurrence}/check-ins")
    @Operation(summary = "Check in the carers and children of a family who came",
               description = "A family that came without an invitation is welcome and counted too.")
    ResponseEntity<Changed> checkIn(RequestContext actor, @PathVariable String activityId,
                                    @PathVariable int occurrence,
                                    @Valid @RequestBody ActivityRequests.CheckInRequest body) {
        ActivityView activity = queries.activity(actor, activityId);
        EngagementFamily family = familyAt(activity, body.familyId());
        long version = send(activityId, new ActivityCommands.RecordAttendance(
                activityId, occurrence, body.familyId(), body.carerIds(),
                body.childIds() == null ? Set.of() : body.childIds(), carerIds(family), childIds(family), actor,
                now()));
        return ResponseEntity.created(URI.create(ACTIVITIES + activityId + "/invitations"))
                             .eTag(Versions.etag(version)).body(new Changed(activityId, body.familyId(), version));
    }

    @GetMapping("/{activityId}/notices")
    @Operation(summary = "What each invited carer is to be told, by their channel and language",
               description = "The invitation and every change since. Carers who prefer spoken contact are marked "
                             + "byStaff: a member of staff tells them.")
    List<ActivityDetail.Notice> notices(RequestContext actor, @PathVariable String activityId) {
        return queries.notices(actor, activityId);
    }

    @PostMapping("/{activityId}/slots")
    @Operation(summary = "A teacher offers appointments at a parents' evening",
               description = "From 'from' to 'to' in slots of 'minutes'.")
    ResponseEntity<Changed> offerSlots(RequestContext actor, @PathVariable String activityId,
                                       @Valid @RequestBody ActivityRequests.OfferSlotsRequest body) {
        long version = send(activityId, new ActivityCommands.OfferSlots(
                activityId, body.occurrence() == null ? 1 : body.occurrence(), body.teacherId(),
                body.teacherName().strip(), body.from(), body.to(), body.minutes(), actor, now()));
        return ResponseEntity.created(URI.create(ACTIVITIES + activityId + "/slots")).eTag(Versions.etag(version))
                             .body(new Changed(activityId, body.teacherId(), version));
    }

    @GetMapping("/{activityId}/slots")
    @Operation(summary = "A parents' evening's appointments, free and booked")
    List<ActivityView.SlotView> slots(RequestContext actor, @PathVariable String activityId) {
        return queries.activity(actor, activityId).slots();
    }

    @PostMapping("/{activityId}/slots/{slotId}/booking")
    @Operation(summary = "Book an appointment for a carer about one of their children",
               description = "A slot is booked once: whoever comes second, even at the same moment, is told it is "
                             + "taken (409).")
    ResponseEntity<Changed> book(RequestContext actor, @PathVariable String activityId, @PathVariable String slotId,
                                 @Valid @RequestBody ActivityRequests.BookSlotRequest body) {
        ActivityView activity = queries.activity(actor, activityId);
        EngagementFamily family = familyAt(activity, body.familyId());
        long version = send(activityId, new ActivityCommands.BookSlot(
                activityId, slotId, body.familyId(), body.carerId(), body.childId(), childIds(family), actor, now()));
        return ResponseEntity.created(URI.create(ACTIVITIES + activityId + "/slots")).eTag(Versions.etag(version))
                             .body(new Changed(activityId, slotId, version));
    }

    @DeleteMapping("/{activityId}/slots/{slotId}/booking")
    @Operation(summary = "Give up a booked appointment")
    ResponseEntity<Changed> cancelBooking(RequestContext actor, @PathVariable String activityId,
                                          @PathVariable String slotId) {
        return changed(activityId, slotId, new ActivityCommands.CancelBooking(activityId, slotId, actor, now()));
    }

    private ResponseEntity<Changed> changed(String activityId, String id, Object command) {
        long version = send(activityId, command);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new Changed(activityId, id, version));
    }

    /** Sends the command and waits for the read model to show it; answers the activity's version. */
    private long send(String activityId, Object command) {
        return catchUp.sendAndAwait(commands, activityId, command);
    }

    /** The family as the directory has it, if it is on the roll of the activity's school or was invited to it. */
    private EngagementFamily familyAt(ActivityView activity, String familyId) {
        return families.family(familyId)
                       .filter(family -> family.trustId().equals(activity.trustId()))
                       .filter(family -> family.schoolUrns().contains(activity.schoolUrn())
                                         || activities.invitation(activity.activityId(), familyId).isPresent())
                       .orElseThrow(() -> new NotFoundException("No family " + familyId + " at this activity"));
    }

    private static Set<String> carerIds(EngagementFamily family) {
        return family.carers().stream().map(EngagementFamily.Carer::carerId).collect(Collectors.toSet());
    }

    private static Set<String> childIds(EngagementFamily family) {
        return family.children().stream().map(EngagementFamily.Child::childId).collect(Collectors.toSet());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant();
    }
}
