package org.homelink.engagement.reach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.reach.command.ChangeReachSettings;
import org.homelink.engagement.reach.query.CaseloadView;
import org.homelink.engagement.reach.query.ReachQueries;
import org.homelink.engagement.reach.query.ReachReport;
import org.homelink.engagement.reach.query.Term;
import org.homelink.engagement.reach.query.UnderservedFamily;
import org.homelink.platform.audit.AuditsFamilies;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.homelink.platform.web.RuleBrokenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/**
 * The views of reach over HTTP: whom each school is reaching, whom it underserves, and each member of staff's
 * caseload. The product says "underserved", never "hard to reach": the list is about what the school does next.
 */
@RestController
@RequestMapping("/api/engagement")
@Tag(name = "Reach", description = "Who the school reaches, who it underserves, and caseloads")
@Allowed(Permission.REACH_READ)
class ReachController {

    private final ReachQueries queries;
    private final CommandGateway commands;
    private final FamilyEngagementProjection directory;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    ReachController(ReachQueries queries, CommandGateway commands, FamilyEngagementProjection directory, Clock clock,
                    @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.queries = queries;
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("school roll", directory::settingsVersionOf, longest);
    }

    /**
     * @param weeksWithoutTwoWayContact    weeks without a two-way contact before a family is listed
     * @param invitationsWithoutAttendance invitations to activities that took place, none attended, before it is
     */
    record ReachSettings(@NotNull @Min(1) @Max(52) Integer weeksWithoutTwoWayContact,
                         @NotNull @Min(1) @Max(50) Integer invitationsWithoutAttendance) {
    }

    @GetMapping("/reach")
    @Operation(summary = "A school's reach in a term",
               description = "The share of families with at least one two-way contact, and activity attendance, "
                             + "split by year group, barrier, language and Epstein type. The term is named "
                             + "(autumn-2026, spring-2027, summer-2027; the current one if left out) or given by "
                             + "'from' and 'to' dates.")
    ReachReport reach(RequestContext actor, @RequestParam String school,
                      @RequestParam(required = false) String term,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.reach(actor, school, term(term, from, to));
    }

    @GetMapping("/reach/trust")
    @Operation(summary = "Every school of the trust side by side, for trust leaders")
    List<ReachReport> trustReach(RequestContext actor, @RequestParam(required = false) String term,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to) {
        if (!actor.isTrustLeader()) {
            throw new ForbiddenException("Only trust leaders see every school of the trust side by side");
        }
        return queries.trustReach(actor, term(term, from, to));
    }

    @AuditsFamilies(AuditsFamilies.Shape.LIST)
    @GetMapping("/underserved")
    @Operation(summary = "The families a school is not reaching, each with the reasons",
               description = "No two-way contact for the school's number of weeks; invited again and again and "
                             + "never came; an open barrier with no follow-up since it was recorded.")
    UnderservedFamily.Page underserved(RequestContext actor, @RequestParam String school,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.underserved(actor, school, page, size);
    }

    @Allowed(Permission.SCHOOL_SETTINGS)
    @PutMapping("/schools/{schoolUrn}/reach-settings")
    @Operation(summary = "Set when a family of the school counts as underserved (school and trust leaders)")
    ReachSettings settings(RequestContext actor, @PathVariable String schoolUrn,
                           @Valid @RequestBody ReachSettings body) {
        // Not @Pattern on the path variable: that validates the whole method at once, and the body's fields would
        // then be reported as one field named "body".
        if (!schoolUrn.matches(URN)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("schoolUrn", URN_MESSAGE)));
        }
        if (!directory.isSchoolOfTrust(schoolUrn, actor.trustId())) {
            throw new NotYourSchool(schoolUrn);
        }
        long version = commands.sendAndWait(new ChangeReachSettings(
                ChangeReachSettings.idOf(schoolUrn), schoolUrn, body.weeksWithoutTwoWayContact(),
                body.invitationsWithoutAttendance(), actor, clock.instant()));
        catchUp.await(schoolUrn, version);
        return body;
    }

    @AuditsFamilies(value = AuditsFamilies.Shape.LIST, items = "families")
    @GetMapping("/caseloads/{staffId}")
    @Operation(summary = "A member of staff's caseload, overdue follow-ups first",
               description = "Staff see their own; leaders see anyone's. Only families of the caller's schools.")
    CaseloadView caseload(RequestContext actor, @PathVariable String staffId) {
        // Whose caseload is asked for, not the role alone, decides: so this stays beside the permission table.
        if (!staffId.equals(actor.staffId()) && actor.role() != Role.SCHOOL_LEADER && !actor.isTrustLeader()) {
            throw new ForbiddenException("Only school and trust leaders see another member of staff's caseload");
        }
        return queries.caseload(actor, staffId);
    }

    private Term term(String name, LocalDate from, LocalDate to) {
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new RuleBrokenException(from == null ? "from" : "to", "Give both 'from' and 'to', or neither");
            }
            if (to.isBefore(from)) {
                throw new RuleBrokenException("to", "The term must end on or after its first day");
            }
            return Term.between(from, to);
        }
        if (name == null) {
            return Term.containing(clock.instant().atZone(SchoolTime.ZONE).toLocalDate());
        }
        return Term.named(name).orElseThrow(() -> new RuleBrokenException(
                "term", "A term is named autumn-YYYY, spring-YYYY or summer-YYYY"));
    }
}
