package org.homelink.engagement.attendance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.query.AttendanceProjection;
import org.homelink.engagement.attendance.query.BeforeAndAfter;
import org.homelink.engagement.attendance.query.Practice;
import org.homelink.engagement.attendance.query.PracticeImpact;
import org.homelink.engagement.attendance.query.PracticeImpactQueries;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Attendance before and after families first met the school in a practice (a home visit, a coffee morning), set
 * against pupils whose families had not: read by the same staff as the rest of attendance, and by trust leaders for
 * every school side by side.
 */
@RestController
@RequestMapping("/api/engagement/attendance")
@Tag(name = "Attendance", description = "Register imports, pupils' attendance, and the lists support starts from")
@Allowed(Permission.ATTENDANCE_READ)
class PracticeImpactController {

    /** A term and a bit: further out, a difference says less and less about the practice. */
    static final int MOST_WEEKS = 13;

    private final FamilyEngagementProjection directory;
    private final AttendanceProjection registers;
    private final PracticeImpactQueries impact;

    PracticeImpactController(FamilyEngagementProjection directory, AttendanceProjection registers,
                             PracticeImpactQueries impact) {
        this.directory = directory;
        this.registers = registers;
        this.impact = impact;
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @GetMapping("/schools/{schoolUrn}/impact")
    @Operation(summary = "Attendance before and after families first met the school in a practice, against pupils "
                         + "whose families had not",
               description = "The cohort: pupils on the roll whose family's first home visit (practice=HOME_VISIT), "
                             + "first coffee morning come to (COFFEE_MORNING), or first of another kind of contact or "
                             + "activity fell from `from` to `to` (unless given, this school year to the latest "
                             + "mark). Each pupil's rate over the `weeks` school weeks before that week and after it, "
                             + "counted with " + BeforeAndAfter.MINIMUM_SESSIONS + " or more possible sessions on "
                             + "both sides. The comparison: pupils whose family had not, over the weeks around the "
                             + "cohort's median day. A group of fewer than " + PracticeImpact.SMALLEST_GROUP
                             + " pupils counted shows no figures. What this shows is a difference, not its cause.")
    PracticeImpact school(RequestContext actor, @PathVariable String schoolUrn,
                          @RequestParam(required = false) String practice,
                          @RequestParam(defaultValue = "6") @Min(1) @Max(MOST_WEEKS) int weeks,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) Set<YearGroup> yearGroups) {
        SchoolRoll roll = directory.rollFor(actor, schoolUrn)
                                   .orElseThrow(() -> new NotFoundException("No such record"));
        return impact.impact(roll, registers.school(schoolUrn), practiceOf(practice, from, to), weeks, from, to,
                             yearGroups == null ? Set.of() : yearGroups);
    }

    @GetMapping("/trust/impact")
    @Operation(summary = "The same for every school of the trust, side by side (trust leaders)")
    List<PracticeImpact> trust(RequestContext actor, @RequestParam(required = false) String practice,
                               @RequestParam(defaultValue = "6") @Min(1) @Max(MOST_WEEKS) int weeks,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate to,
                               @RequestParam(required = false) Set<YearGroup> yearGroups) {
        if (!actor.isTrustLeader()) {
            throw new ForbiddenException("Only trust leaders see every school of the trust side by side");
        }
        return impact.trust(actor.trustId(), practiceOf(practice, from, to), weeks, from, to,
                            yearGroups == null ? Set.of() : yearGroups);
    }

    /** The practice asked about, over a period that does not end before it starts. */
    private static Practice practiceOf(String practice, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("to", "must not be before from")));
        }
        return Practice.named(practice).orElseThrow(() -> new InvalidFieldsException(List.of(new FieldProblem(
                "practice", "must name a kind of contact (such as HOME_VISIT) or of activity (such as "
                            + "COFFEE_MORNING)"))));
    }
}
