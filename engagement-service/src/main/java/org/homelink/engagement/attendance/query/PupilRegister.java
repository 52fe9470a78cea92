package org.homelink.engagement.attendance.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.YearGroup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One pupil's register at one school, from every file imported: one document per pupil, so a pupil's figures are one
 * lookup by id and a school's are its pupils' ids from {@link SchoolAttendance}.
 *
 * @param id         {@link #idOf}: the school and the child
 * @param yearGroup  the year group the latest import gave
 * @param yearGroups by school year (its 1 September, ISO), the year group the pupil was in that year, so that last
 *                   year's weeks stay with last year's group when the pupil moves up; empty in a document written
 *                   before they were kept, until the read model is replayed
 * @param marks      by ISO date, the morning's and the afternoon's code; an empty string for a session not marked
 */
public record PupilRegister(@BsonId String id, String trustId, String schoolUrn, String childId, String familyId,
                            YearGroup yearGroup, Map<String, YearGroup> yearGroups,
                            Map<String, List<String>> marks) {

    public PupilRegister {
        yearGroups = yearGroups == null ? Map.of() : yearGroups;
    }

    public static String idOf(String schoolUrn, String childId) {
        return schoolUrn + ":" + childId;
    }

    /** The pupil's year group on the day: that of its school year, or the latest known. */
    public YearGroup yearGroupOn(LocalDate day) {
        return yearGroups.getOrDefault(AttendanceProjection.schoolYearOf(day).toString(), yearGroup);
    }

    /** Each mark, as the day, the session (0 morning, 1 afternoon) and the code. */
    public void forEachMark(MarkVisitor visitor) {
        marks.forEach((day, sessions) -> {
            LocalDate date = LocalDate.parse(day);
            for (int session = 0; session < 2; session++) {
                String code = sessions.get(session);
                if (!code.isEmpty()) {
                    visitor.mark(date, session, code);
                }
            }
        });
    }

    @FunctionalInterface
    public interface MarkVisitor {
        void mark(LocalDate day, int session, String code);
    }
}
