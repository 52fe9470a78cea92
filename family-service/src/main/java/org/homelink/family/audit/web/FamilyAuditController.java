package org.homelink.family.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homelink.family.families.command.FamilyRules.FamilyNotFound;
import org.homelink.family.families.query.FamilyDetail;
import org.homelink.family.families.query.FamilyQueries;
import org.homelink.family.trust.query.SchoolRegister;
import org.homelink.platform.audit.AuditEntry;
import org.homelink.platform.audit.AuditTrailReader;
import org.homelink.platform.audit.AuditsFamilies;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.Paged;
import org.homelink.platform.web.RequestContext;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/**
 * Who read or changed families' data, and when, in every service: a family's trail and a school's day, newest first.
 * For school leaders (their schools' families and days) and trust leaders (the whole trust); a family or school
 * outside them answers 404 exactly as one that does not exist. Asking is itself recorded.
 */
@RestController
@RequestMapping("/api/families")
@Tag(name = "Audit", description = "Who read or changed families' data, and when")
@Allowed(Permission.AUDIT_READ)
class FamilyAuditController {

    /** A year and a day: a family's trail is kept in monthly documents, and a year is what a leader looks back on. */
    static final long LONGEST_SPAN_DAYS = 366;
    private static final long DEFAULT_SPAN_DAYS = 30;
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");

    private final QueryGateway queries;
    private final SchoolRegister register;
    private final AuditTrailReader trail;
    private final Clock clock;

    FamilyAuditController(QueryGateway queries, SchoolRegister register, AuditTrailReader trail, Clock clock) {
        this.queries = queries;
        this.register = register;
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/{familyId}/audit")
    @Operation(summary = "Who read or changed a family's data, in every service, newest first",
               description = "From the start of from to the end of to (days as schools count them): the last 30 "
                             + "days when left out, a year and a day at most. Pages count from 0.")
    Paged<AuditEntry> family(RequestContext actor, @PathVariable String familyId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate to,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        LocalDate last = to != null ? to : today();
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_SPAN_DAYS);
        if (first.isAfter(last)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("from", "must not be after to")));
        }
        if (ChronoUnit.DAYS.between(first, last) > LONGEST_SPAN_DAYS) {
            throw new InvalidFieldsException(List.of(new FieldProblem(
                    "from", "must be at most " + LONGEST_SPAN_DAYS + " days before to")));
        }
        queries.query(new FamilyQueries.FindFamily(actor, familyId),
                      ResponseTypes.optionalInstanceOf(FamilyDetail.class))
               .join().orElseThrow(FamilyNotFound::new);
        return Paged.of(trail.family(familyId, first, last), page, size);
    }

    @AuditsFamilies(AuditsFamilies.Shape.LIST)
    @GetMapping("/audit")
    @Operation(summary = "Who read or changed what concerning a school's families on one day, newest first",
               description = "With what concerned the whole trust that day (a trust leader's lists across it). The "
                             + "date is today when left out. Pages count from 0.")
    Paged<AuditEntry> schoolDay(RequestContext actor,
                                @RequestParam @Pattern(regexp = URN, message = URN_MESSAGE) String school,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate date,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        boolean leadsIt = actor.isTrustLeader() ? register.hasSchool(actor.trustId(), school)
                                                : actor.schoolUrns().contains(school);
        if (!leadsIt) {
            throw new NotFoundException("No such record");
        }
        return Paged.of(trail.schoolDay(actor.trustId(), school, date != null ? date : today()), page, size);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SCHOOL_TIME);
    }
}
