package org.homelink.engagement.attendance.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.engagement.attendance.events.AttendanceMarksImported.PupilMarks;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What can be asked of attendance: importing marks and setting a school's threshold. Each carries who and when. */
public final class AttendanceCommands {

    private AttendanceCommands() {
    }

    /** Marks already checked line by line ({@link AttendanceFile}); the import decides only whether to keep them. */
    public record ImportAttendanceMarks(@TargetAggregateIdentifier String importId, String trustId, String schoolUrn,
                                        String fileHash, List<LocalDate> days, List<PupilMarks> pupils, int marks,
                                        RequestContext actor, Instant at) {

        /** Prefixed, because aggregate ids share one key space in the event log. */
        public static String idOf(String schoolUrn, String fileHash) {
            return "attendance-import-" + schoolUrn + "-" + fileHash;
        }
    }

    /** Below this attendance rate, and before persistent absence, a pupil is "at risk". */
    public record ChangeAtRiskThreshold(@TargetAggregateIdentifier String settingsId, String schoolUrn,
                                        int atRiskBelowPercent, RequestContext actor, Instant at) {

        public static String idOf(String schoolUrn) {
            return "attendance-settings-" + schoolUrn;
        }
    }
}
