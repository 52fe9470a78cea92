package org.homelink.engagement.attendance.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCommands.ChangeAtRiskThreshold;
import org.homelink.engagement.attendance.command.AttendanceCommands.ImportAttendanceMarks;
import org.homelink.engagement.attendance.command.AttendanceRules.EmptyRegister;
import org.homelink.engagement.attendance.events.AtRiskThresholdChanged;
import org.homelink.engagement.attendance.events.AttendanceMarksImported;
import org.homelink.engagement.attendance.events.AttendanceMarksImported.PupilMarks;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.OTHER_TRUST;
import static org.homelink.engagement.Riverside.SOUTH_STAFF;
import static org.homelink.engagement.Riverside.TRUST;
import static org.homelink.engagement.Riverside.brokenRule;

/** Each command path of a register import and of a school's "at risk" threshold. */
class AttendanceImportTest {

    static final String HASH = "ab12";
    static final String IMPORT = ImportAttendanceMarks.idOf(NORTH, HASH);
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 3, 2));
    static final List<PupilMarks> PUPILS = List.of(new PupilMarks("hodan", "warsame", YearGroup.YEAR_3,
                                                                  List.of("/", "N")));

    static ImportAttendanceMarks importing(RequestContext actor, int marks) {
        return new ImportAttendanceMarks(IMPORT, TRUST, NORTH, HASH, DAYS, PUPILS, marks, actor, NOW);
    }

    static AttendanceMarksImported imported() {
        return new AttendanceMarksImported(IMPORT, TRUST, NORTH, HASH, DAYS, PUPILS, 2, "staff-n", NOW);
    }

    private final FixtureConfiguration<AttendanceImport> imports = new AggregateTestFixture<>(AttendanceImport.class);
    private final FixtureConfiguration<SchoolAttendanceSettings> settings =
            new AggregateTestFixture<>(SchoolAttendanceSettings.class);

    @Test
    void aFileIsImportedOnce() {
        imports.givenNoPriorActivity()
               .when(importing(NORTH_STAFF, 2))
               .expectEvents(imported())
               .expectResultMessagePayload(true);
    }

    @Test
    void theSameFileAgainChangesNothing() {
        imports.given(imported())
               .when(importing(NORTH_STAFF, 2))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void onlyStaffOfTheSchoolImportItsRegisters() {
        imports.givenNoPriorActivity()
               .when(importing(SOUTH_STAFF, 2))
               .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
               .expectNoEvents();
        imports.givenNoPriorActivity()
               .when(importing(OTHER_TRUST, 2))
               .expectException(brokenRule(NotYourSchool.class, "schoolUrn"))
               .expectNoEvents();
    }

    @Test
    void aFileWithoutMarksIsNotAnImport() {
        imports.givenNoPriorActivity()
               .when(importing(NORTH_STAFF, 0))
               .expectException(brokenRule(EmptyRegister.class, "file"))
               .expectNoEvents();
    }

    static final RequestContext NORTH_HEAD = new RequestContext(TRUST, Set.of(NORTH), Role.SCHOOL_LEADER, "head-n");

    @Test
    void aLeaderSetsTheAtRiskThresholdAndTheSameValueChangesNothing() {
        ChangeAtRiskThreshold to92 = new ChangeAtRiskThreshold(ChangeAtRiskThreshold.idOf(NORTH), NORTH, 92,
                                                               NORTH_HEAD, NOW);
        AtRiskThresholdChanged changed = new AtRiskThresholdChanged(NORTH, TRUST, 92, "head-n", NOW);
        settings.givenNoPriorActivity().when(to92).expectEvents(changed).expectResultMessagePayload(0L);
        settings.given(changed).when(to92).expectNoEvents().expectResultMessagePayload(0L);
        settings.given(new AtRiskThresholdChanged(NORTH, TRUST, 95, "head-n", NOW)).when(to92)
                .expectEvents(changed).expectResultMessagePayload(1L);
        // The school's register (checked before the command is sent) keeps another trust away from the first change;
        // after it, the settings know their trust.
        settings.given(changed)
                .when(new ChangeAtRiskThreshold(ChangeAtRiskThreshold.idOf(NORTH), NORTH, 90, OTHER_TRUST, NOW))
                .expectException(brokenRule(NotYourSchool.class, "schoolUrn"));
    }
}
