package org.homelink.engagement.attendance.concerns.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.engagement.ConcernReason;
import org.homelink.engagement.attendance.concerns.command.AttendanceConcern;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.AgreeSupportPlan;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.CloseConcern;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.InvolveChampion;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.LogConversation;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.RaiseConcern;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.ReferToLocalAuthority;
import org.homelink.engagement.attendance.concerns.command.ConcernCommands.ReviewSupport;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.Outcome;
import org.homelink.engagement.attendance.concerns.query.ConcernProjection;
import org.homelink.engagement.attendance.concerns.query.ConcernQueries;
import org.homelink.engagement.attendance.concerns.query.ConcernQueries.ConcernDetail;
import org.homelink.engagement.attendance.concerns.query.ConcernQueries.ConcernSummary;
import org.homelink.engagement.attendance.concerns.query.ConcernView;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.ConflictException;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;

/**
 * Attendance concerns over HTTP, support first: raise, talk with the parents, agree support with a review date,
 * review, and only then the senior attendance champion and the local authority. Every answer about a concern carries
 * how each carer prefers to be reached and the family's open barriers, so the next step starts from them.
 */
@RestController
@RequestMapping("/api/engagement/attendance/schools/{schoolUrn}/concerns")
@Tag(name = "Attendance concerns", description = "Support first: conversation, support plan, review, escalation")
@Allowed(Permission.CONCERNS_WORK)
class ConcernController {

    /** As the directory reads families by id: the embedded store is quicker with lists of about this size. */
    private static final int FAMILIES_READ_AT_ONCE = 100;

    private final CommandGateway commands;
    private final FamilyEngagementProjection directory;
    private final ConcernProjection concerns;
    private final ConcernQueries queries;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    ConcernController(CommandGateway commands, FamilyEngagementProjection directory, ConcernProjection concerns,
                      ConcernQueries queries, Clock clock,
                      @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.directory = directory;
        this.concerns = concerns;
        this.queries = queries;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("attendance concerns read model", concerns::versionOf, longest);
    }

    record RaiseRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String childId,
                        @NotNull ConcernReason reason) {
    }

    record ConversationRequest(Set<@Pattern(regexp = ID, message = ID_MESSAGE) String> carerIds,
                               @NotNull Instant happenedAt, @NotBlank @Size(max = 4000) String summary) {
    }

    record SupportPlanRequest(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> actions,
                              @NotNull LocalDate reviewOn) {
    }

    record ReviewRequest(@NotNull Boolean helped, @Size(max = 2000) String note) {
    }

    record ChampionRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String championId) {
    }

    record CloseRequest(@NotNull Outcome outcome, @Size(max = 2000) String note) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @PostMapping
    @Operation(summary = "Raise a concern about a pupil's attendance (attendance officers, key workers, leaders)",
               description = "One open concern per pupil per school: a second answers 409 naming the open one.")
    ResponseEntity<ConcernDetail> raise(RequestContext actor, @PathVariable String schoolUrn,
                                        @Valid @RequestBody RaiseRequest body) {
        SchoolRoll roll = schoolOf(actor, schoolUrn);
        AttendanceConcern.requireRole(actor, AttendanceConcern.WORKERS,
                                      "attendance officers, key workers and leaders raise attendance concerns");
        EngagementFamily family = familyOf(roll, body.childId());
        // Only the latest of the pupil's concerns may be open: a new one is numbered after it.
        int before = queries.concernsOfPupil(schoolUrn, body.childId());
        if (before > 0) {
            concerns.concern(ConcernCommands.idOf(schoolUrn, body.childId(), before)).filter(ConcernView::open)
                    .ifPresent(open -> {
                        throw new ConflictException("childId", "The pupil already has an open concern: "
                                                               + open.concernId());
                    });
        }
        String concernId = ConcernCommands.idOf(schoolUrn, body.childId(), before + 1);
        commands.sendAndWait(new RaiseConcern(concernId, roll.trustId(), schoolUrn, body.childId(),
                                              family.familyId(), body.reason(), actor, clock.instant()));
        catchUp.await(concernId, 0L);
        return ResponseEntity.created(URI.create("/api/engagement/attendance/schools/" + schoolUrn + "/concerns/"
                                                 + concernId))
                             .body(detailOf(schoolUrn, concernId));
    }

    @GetMapping
    @Operation(summary = "The school's concerns: open first, overdue reviews first among them")
    List<ConcernSummary> list(RequestContext actor, @PathVariable String schoolUrn) {
        schoolOf(actor, schoolUrn);
        return queries.ofSchool(schoolUrn);
    }

    @GetMapping("/{concernId}")
    @Operation(summary = "One concern, its steps, and how to reach the family now")
    ConcernDetail detail(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String concernId) {
        schoolOf(actor, schoolUrn);
        return detailOf(schoolUrn, concernId);
    }

    @PostMapping("/{concernId}/conversations")
    @Operation(summary = "Log the conversation with the parents")
    ConcernDetail conversation(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String concernId,
                               @Valid @RequestBody ConversationRequest body) {
        return step(actor, schoolUrn, concernId, concern -> new LogConversation(
                concernId, directory.family(concern.familyId()).map(f -> f.carers().stream()
                        .map(EngagementFamily.Carer::carerId).collect(Collectors.toSet())).orElse(Set.of()),
                body.carerIds() == null ? Set.of() : body.carerIds(), body.happenedAt(), body.summary().strip(),
                actor, clock.instant()));
    }

    @PostMapping("/{concernId}/support-plan")
    @Operation(summary = "Agree support with the family, and the day to review it")
    ConcernDetail plan(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String concernId,
                       @Valid @RequestBody SupportPlanRequest body) {
        return step(actor, schoolUrn, concernId, concern -> new AgreeSupportPlan(
                concernId, body.actions().stream().map(String::strip).toList(), body.reviewOn(), actor,
                clock.instant()));
    }

    @PostMapping("/{concernId}/reviews")
    @Operation(summary = "Review the support: helped closes the concern as resolved; not helped opens escalation")
    ConcernDetail review(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String concernId,
                         @Valid @RequestBody ReviewRequest body) {
        return step(actor, schoolUrn, concernId,
                    concern -> new ReviewSupport(concernId, body.helped(), body.note(), actor, clock.instant()));
    }

    @PostMapping("/{concernId}/champion")
    @Operation(summary = "Involve the senior attendance champion (attendance officers and leaders)")
    ConcernDetail champion(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String concernId,
                           @Valid @RequestBody ChampionRequest body) {
        return step(actor, schoolUrn, concernId,
                    concern -> new InvolveChampion(concernId, body.championId(), actor, clock.instant()));
    }

    @PostMapping("/{concernId}/local-authority-referral")
    @Operation(summary = "Refer to the local authority's attendance service (attendance officers and leaders)")
    ConcernDetail localAuthority(RequestContext actor, @PathVariable String schoolUrn,
                                 @PathVariable String concernId) {
        return step(actor, schoolUrn, concernId,
                    concern -> new ReferToLocalAuthority(concernId, actor, clock.instant()));
    }

    @PostMapping("/{concernId}/closure")
    @Operation(summary = "Close the concern, saying how it ended")
    ConcernDetail close(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String concernId,
                        @Valid @RequestBody CloseRequest body) {
        return step(actor, schoolUrn, concernId,
                    concern -> new CloseConcern(concernId, body.outcome(), body.note(), actor, clock.instant()));
    }

    /**
     * A step on a concern of this school: sent, waited for in the read model, and answered with the concern. The
     * command needs the concern alone; the family's ways to be reached are read once, for the answer.
     */
    private ConcernDetail step(RequestContext actor, String schoolUrn, String concernId,
                               Function<ConcernView, Object> command) {
        schoolOf(actor, schoolUrn);
        ConcernView concern = concerns.concern(concernId).filter(c -> c.schoolUrn().equals(schoolUrn))
                                      .orElseThrow(() -> new NotFoundException("No such record"));
        catchUp.sendAndAwait(commands, concernId, command.apply(concern));
        return detailOf(schoolUrn, concernId);
    }

    private ConcernDetail detailOf(String schoolUrn, String concernId) {
        return queries.detail(schoolUrn, concernId).orElseThrow(() -> new NotFoundException("No such record"));
    }

    /**
     * The family of the school's pupil. The directory has no index by child, so the roll's families are read a chunk
     * at a time until one holds the pupil, rather than all of them.
     */
    private EngagementFamily familyOf(SchoolRoll roll, String childId) {
        List<String> familyIds = roll.familyIds();
        for (int from = 0; from < familyIds.size(); from += FAMILIES_READ_AT_ONCE) {
            Optional<EngagementFamily> found = directory.families(
                    familyIds.subList(from, Math.min(from + FAMILIES_READ_AT_ONCE, familyIds.size())))
                    .stream()
                    .filter(family -> family.children().stream().anyMatch(
                            child -> child.childId().equals(childId) && child.onRoll()
                                     && roll.schoolUrn().equals(child.schoolUrn())))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new RuleBrokenException("childId", "Not a pupil on the school's roll");
    }

    /** The school, if the caller acts for it: anything else answers as what does not exist. */
    private SchoolRoll schoolOf(RequestContext actor, String schoolUrn) {
        return directory.rollFor(actor, schoolUrn).orElseThrow(() -> new NotFoundException("No such record"));
    }
}
