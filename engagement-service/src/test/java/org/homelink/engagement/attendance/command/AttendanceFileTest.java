package org.homelink.engagement.attendance.command;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceFile.LineError;
import org.homelink.engagement.attendance.command.AttendanceFile.Parsed;
import org.homelink.engagement.attendance.command.AttendanceFile.Pupil;
import org.homelink.engagement.attendance.events.AttendanceMarksImported.PupilMarks;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A register file is checked line by line, and every line at fault is named by its number. */
class AttendanceFileTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 6);
    static final Map<String, Pupil> PUPILS = Map.of("hodan", new Pupil("hodan", "warsame", YearGroup.YEAR_3),
                                                    "ada", new Pupil("ada", "okafor", YearGroup.YEAR_5));

    static Parsed parse(String content) {
        return AttendanceFile.parse(content, AttendanceCodes.standard(), PUPILS::get, TODAY);
    }

    @Test
    void theCodesAreTheStandardsTable() {
        AttendanceCodes codes = AttendanceCodes.standard();
        assertThat(codes.size()).isEqualTo(31);
        assertThat(codes.of("N").unauthorised()).isTrue();
        assertThat(codes.of("I").category()).isEqualTo(AttendanceCodes.Category.AUTHORISED_ABSENCE);
        assertThat(codes.of("V").attended()).isTrue();
        assertThat(codes.of("Y1").possible()).isFalse();
        assertThat(codes.find("Z")).isEmpty();
    }

    @Test
    void aGoodFileGroupsEachPupilsMarksOverTheFilesDays() {
        Parsed parsed = parse("""
                pupil,date,session,code
                hodan,2026-03-02,AM,/
                hodan,2026-03-02,PM,\\
                ada,2026-03-03,am,N
                hodan,2026-03-03,PM,L
                """);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.marks()).isEqualTo(4);
        assertThat(parsed.days()).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
        assertThat(parsed.pupils()).containsExactly(
                new PupilMarks("ada", "okafor", YearGroup.YEAR_5, List.of("", "", "N", "")),
                new PupilMarks("hodan", "warsame", YearGroup.YEAR_3, List.of("/", "\\", "", "L")));
    }

    @Test
    void everyBadLineIsNamedAndNothingIsKept() {
        Parsed parsed = parse("""
                hodan,2026-03-02,AM,/
                stranger,2026-03-02,AM,/
                hodan,2026-03-02,AM,N
                hodan,02/03/2026,PM,/
                hodan,2026-03-02,EVE,/
                hodan,2026-03-04,PM,Z
                hodan,2026-03-09,PM,/
                just one value
                """);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.pupils()).isEmpty();
        assertThat(parsed.errors()).extracting(LineError::line, LineError::field)
                                   .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "pupil"),
                                                    org.assertj.core.groups.Tuple.tuple(3, "session"),
                                                    org.assertj.core.groups.Tuple.tuple(4, "date"),
                                                    org.assertj.core.groups.Tuple.tuple(5, "session"),
                                                    org.assertj.core.groups.Tuple.tuple(6, "code"),
                                                    org.assertj.core.groups.Tuple.tuple(7, "date"),
                                                    org.assertj.core.groups.Tuple.tuple(8, "line"));
        assertThat(parsed.errors().get(1).detail()).contains("line 1");
    }

    @Test
    void aSpreadsheetsExportWithAByteOrderMarkQuotesAndWindowsLineEndsIsRead() {
        Parsed parsed = AttendanceFile.parse(("\uFEFFpupil,date,session,code\r\n"
                                              + "\"hodan\",\"2026-03-02\",\"AM\",\"/\"\r\n"
                                              + "\"ada\",2026-03-02,\"PM\",\"N\"\r\n").getBytes(StandardCharsets.UTF_8),
                                             AttendanceCodes.standard(), PUPILS::get, TODAY);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.marks()).isEqualTo(2);
        assertThat(parsed.pupils()).containsExactly(new PupilMarks("ada", "okafor", YearGroup.YEAR_5, List.of("", "N")),
                                                    new PupilMarks("hodan", "warsame", YearGroup.YEAR_3,
                                                                   List.of("/", "")));
    }

    @Test
    void aQuotedValueIsOneValueCommasAndAllAndAnUnclosedQuoteEndsTheFile() {
        Parsed parsed = parse("""
                "hodan, Year 3",2026-03-02,AM,/
                hodan,2026-03-02,PM,\\
                ada,"2026-03-03,AM,N
                hodan,2026-03-03,AM,/
                """);

        assertThat(parsed.errors()).extracting(LineError::line, LineError::field)
                                   .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "pupil"),
                                                    org.assertj.core.groups.Tuple.tuple(3, "line"));
    }

    @Test
    void aFileThatIsNotUtf8TextIsRefusedAsAWhole() {
        byte[] latin1 = "hodan,2026-03-02,AM,/\n\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> AttendanceFile.parse(latin1, AttendanceCodes.standard(), PUPILS::get, TODAY))
                .isInstanceOf(AttendanceRules.UnreadableRegister.class);
    }
}
