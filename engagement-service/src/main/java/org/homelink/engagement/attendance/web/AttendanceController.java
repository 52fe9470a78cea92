package org.homelink.engagement.attendance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.attendance.command.AttendanceCodes;
import org.homelink.engagement.attendance.command.AttendanceCommands.ChangeAtRiskThreshold;
import org.homelink.engagement.attendance.command.AttendanceCommands.ImportAttendanceMarks;
import org.homelink.engagement.attendance.command.AttendanceFile;
import org.homelink.engagement.attendance.command.AttendanceFile.LineError;
import org.homelink.engagement.attendance.command.AttendanceFile.Pupil;
import org.homelink.engagement.attendance.query.AttendanceFigures;
import org.homelink.engagement.attendance.query.AttendanceProjection;
import org.homelink.engagement.attendance.query.AttendanceQueries;
import org.homelink.engagement.attendance.query.SchoolAttendance;
import org.homelink.engagement.attendance.query.AttendanceQueries.SchoolFigures;
import org.homelink.engagement.attendance.query.AttendanceQueries.WeekOfYearGroup;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.platform.Sha256;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.ProblemResponses;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Attendance over HTTP: the school's register files imported from its management information system, each pupil's
 * figures, and the lists that tell the attendance officer whom to offer support to first.
 */
@RestController
@RequestMapping("/api/engagement/attendance")
@Tag(name = "Attendance", description = "Register imports, pupils' attendance, and the lists support starts from")
@Allowed(Permission.ATTENDANCE_READ)
class AttendanceController {

    private static final Logger log = LoggerFactory.getLogger(AttendanceController.class);
    /** Enough lines to see what is wrong with a file without an answer the size of the file. */
    static final int LINES_LISTED = 100;

    private final CommandGateway commands;
    private final FamilyEngagementProjection directory;
    private final AttendanceProjection registers;
    private final AttendanceQueries queries;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;
    private final DataSize maxSize;

    /**
     * @param maxSize the largest register file taken, read into memory whole: a school's year of marks is a few
     *                megabytes
     */
    AttendanceController(CommandGateway commands, FamilyEngagementProjection directory,
                         AttendanceProjection registers, AttendanceQueries queries, Clock clock,
                         @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest,
                         @Value("${homelink.engagement.attendance.max-size:10MB}") DataSize maxSize) {
        this.commands = commands;
        this.directory = directory;
        this.registers = registers;
        this.queries = queries;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("attendance read model", longest);
        if (maxSize.toBytes() < 1 || maxSize.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("homelink.engagement.attendance.max-size is 1 byte to 2 GB");
        }
        this.maxSize = maxSize;
    }

    /** @param imported false when the same file had been imported before: nothing changed */
    record Imported(String importId, boolean imported, int marks, int pupils) {
    }

    record AtRiskThreshold(@NotNull @Min(50) @Max(100) Integer atRiskBelowPercent) {
    }

    /** A file with lines that cannot be imported: nothing of it is kept. */
    static class InvalidRegisterFile extends RuntimeException {
        final List<LineError> errors;

        InvalidRegisterFile(List<LineError> errors) {
            super(errors.size() + " lines cannot be imported");
            this.errors = errors;
        }
    }

    /** A register file over the size the service takes: refused before it is read. */
    static class RegisterTooLarge extends RuntimeException {
        RegisterTooLarge() {
            super("The register file is too large");
        }
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @Allowed(Permission.ATTENDANCE_IMPORT)
    @PostMapping(path = "/schools/{schoolUrn}/marks", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a register file from the management information system",
               description = "CSV, one mark a line: pupil,date,session,code (a header line is optional). The whole "
                             + "file is checked first; if any line is wrong nothing is kept and the answer lists the "
                             + "lines (the first " + LINES_LISTED + "). The same file again changes nothing. UTF-8, "
                             + "with or without a byte-order mark; a value may be in double quotes. A file over the "
                             + "service's limit (homelink.engagement.attendance.max-size, 10 MB unless set) is 413.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string"))})
    ResponseEntity<Imported> importMarks(RequestContext actor, @PathVariable String schoolUrn,
                                         HttpServletRequest request) throws IOException {
        SchoolRoll roll = schoolOf(actor, schoolUrn);
        byte[] file = body(request);
        AttendanceFile.Parsed parsed = AttendanceFile.parse(file, AttendanceCodes.standard(), pupilsOf(roll)::get,
                                                            SchoolTime.today(clock));
        if (!parsed.valid()) {
            log.info("Register file for school {} refused: {} lines at fault", schoolUrn, parsed.errors().size());
            throw new InvalidRegisterFile(parsed.errors());
        }
        // A file with no marks is the import's own rule to refuse (EmptyRegister), not the web layer's as well.
        String hash = Sha256.hex(file);
        String importId = ImportAttendanceMarks.idOf(schoolUrn, hash);
        boolean imported = commands.sendAndWait(new ImportAttendanceMarks(
                importId, roll.trustId(), schoolUrn, hash, parsed.days(), parsed.pupils(), parsed.marks(), actor,
                clock.instant()));
        catchUp.await(importId, () -> registers.shows(schoolUrn, importId));
        log.info("Register file {} for school {}: {} marks, imported now: {}", hash, schoolUrn, parsed.marks(),
                 imported);
        Imported answer = new Imported(importId, imported, parsed.marks(), parsed.pupils().size());
        return imported
                ? ResponseEntity.created(URI.create("/api/engagement/attendance/schools/" + schoolUrn)).body(answer)
                : ResponseEntity.ok(answer);
    }

    @GetMapping("/schools/{schoolUrn}/pupils")
    @Operation(summary = "Every pupil's figures over the period (this school year to the latest mark, unless asked)")
    SchoolFigures pupils(RequestContext actor, @PathVariable String schoolUrn,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures(actor, schoolUrn, from, to);
    }

    @GetMapping("/schools/{schoolUrn}/pupils/{childId}")
    @Operation(summary = "One pupil's figures")
    AttendanceFigures pupil(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String childId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                            LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                            LocalDate to) {
        return attendanceOf(actor, schoolUrn).flatMap(school -> queries.pupil(school, childId, from, to))
                                             .orElseThrow(() -> new NotFoundException("No such record"));
    }

    @GetMapping("/schools/{schoolUrn}/lists/{list}")
    @Operation(summary = "Whom to offer support to: persistent-absence, severe-absence, at-risk or penalty-threshold",
               description = "Most absence first. The penalty threshold list is 10 or more unauthorised sessions in "
                             + "the school's last 10 weeks: where support is reviewed before anything else.")
    List<AttendanceFigures> list(RequestContext actor, @PathVariable String schoolUrn, @PathVariable String list,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to) {
        Predicate<AttendanceFigures> test = switch (list) {
            case "persistent-absence" -> AttendanceFigures::persistentAbsence;
            case "severe-absence" -> AttendanceFigures::severeAbsence;
            case "at-risk" -> AttendanceFigures::atRisk;
            case "penalty-threshold" -> AttendanceFigures::penaltyThresholdReached;
            default -> throw new NotFoundException("No such list");
        };
        return figures(actor, schoolUrn, from, to).where(test);
    }

    @GetMapping("/schools/{schoolUrn}/weeks")
    @Operation(summary = "The school's attendance by week and year group")
    List<WeekOfYearGroup> weeks(RequestContext actor, @PathVariable String schoolUrn,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to) {
        return attendanceOf(actor, schoolUrn).map(school -> queries.weeks(school, from, to)).orElse(List.of());
    }

    @Allowed(Permission.SCHOOL_SETTINGS)
    @PutMapping("/schools/{schoolUrn}/settings")
    @Operation(summary = "Set the attendance rate below which a pupil is 'at risk' (school and trust leaders)")
    AtRiskThreshold settings(RequestContext actor, @PathVariable String schoolUrn,
                             @Valid @RequestBody AtRiskThreshold body) {
        StaffOnly.requireLeader(actor, "set their schools' thresholds");
        schoolOf(actor, schoolUrn);
        long version = commands.sendAndWait(new ChangeAtRiskThreshold(
                ChangeAtRiskThreshold.idOf(schoolUrn), schoolUrn, body.atRiskBelowPercent(), actor, clock.instant()));
        catchUp.await(schoolUrn, () -> registers.settingsVersionOf(schoolUrn) >= version);
        return body;
    }

    @ExceptionHandler(InvalidRegisterFile.class)
    ResponseEntity<ProblemDetail> invalidFile(InvalidRegisterFile e) {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.UNPROCESSABLE_ENTITY, "invalid-register-file",
                "The register file has lines that cannot be imported",
                e.errors.size() + " lines cannot be imported, so nothing of the file was kept: correct them and "
                + "send the whole file again");
        problem.setProperty("field", "file");
        problem.setProperty("lineCount", e.errors.size());
        problem.setProperty("errors", e.errors.subList(0, Math.min(LINES_LISTED, e.errors.size())));
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(RegisterTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The register file is too large",
                "A register file is at most " + readable(maxSize) + ": send the register in parts, a month at a time");
        problem.setProperty("field", "file");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    /**
     * The request's body, the register file: refused unread when it says it is too large, and as soon as it passes
     * the limit when it does not say (a chunked upload), so that no upload fills the service's memory.
     */
    private byte[] body(HttpServletRequest request) throws IOException {
        long limit = maxSize.toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new RegisterTooLarge();
        }
        byte[] file = request.getInputStream().readNBytes((int) limit + 1);
        if (file.length > limit) {
            throw new RegisterTooLarge();
        }
        return file;
    }

    private static String readable(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB"
                                      : size.toKilobytes() > 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
    }

    /** The school, if the caller acts for it: anything else answers as what does not exist. */
    private SchoolRoll schoolOf(RequestContext actor, String schoolUrn) {
        return directory.rollFor(actor, schoolUrn).orElseThrow(() -> new NotFoundException("No such record"));
    }

    /**
     * The school's attendance, if the caller acts for it; nothing for a school of theirs with no registers imported
     * or threshold set yet. The attendance document names the school's trust, so the roll is read only without it.
     */
    private Optional<SchoolAttendance> attendanceOf(RequestContext actor, String schoolUrn) {
        Optional<SchoolAttendance> school = registers.school(schoolUrn);
        if (school.isEmpty()) {
            schoolOf(actor, schoolUrn);
        } else if (!actor.covers(school.get().trustId(), List.of(schoolUrn))) {
            throw new NotFoundException("No such record");
        }
        return school;
    }

    private SchoolFigures figures(RequestContext actor, String schoolUrn, LocalDate from, LocalDate to) {
        // A school of the caller's with no registers imported yet has nobody on its lists: not "no such school".
        return attendanceOf(actor, schoolUrn).map(school -> queries.figures(school, from, to)).orElseGet(
                () -> new SchoolFigures(schoolUrn, from, to, SchoolAttendance.DEFAULT_AT_RISK_BELOW_PERCENT, List.of(),
                                        List.of()));
    }

    /** The pupils of the school: children of its families who are on its roll. */
    private Map<String, Pupil> pupilsOf(SchoolRoll roll) {
        Map<String, Pupil> pupils = new HashMap<>();
        for (EngagementFamily family : directory.families(roll.familyIds())) {
            family.children().stream()
                  .filter(child -> child.onRoll() && roll.schoolUrn().equals(child.schoolUrn()))
                  .forEach(child -> pupils.put(child.childId(),
                                               new Pupil(child.childId(), family.familyId(), child.yearGroup())));
        }
        return pupils;
    }
}
