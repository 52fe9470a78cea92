package org.homelink.engagement.attendance.query;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A school's attendance as a whole: the pupils it has marks for, the school weeks its registers cover, the files
 * imported, and its "at risk" threshold. The views read the school's pupils by id from here, the one kind of query
 * that is fast on the embedded store.
 *
 * @param childIds           every pupil with a mark at the school
 * @param weeks              the Monday of every week with a mark: the school's weeks, for "the last 10 school weeks"
 * @param lastMarked         the latest day with a mark (ISO), where the period of the figures ends unless asked;
 *                           null before any import, and in a document written before it was kept
 * @param imports            every file imported
 * @param atRiskBelowPercent the school's threshold, or null for the default
 * @param settingsVersion    the version of the school's settings applied, -1 before any
 */
public record SchoolAttendance(@BsonId String schoolUrn, String trustId, List<String> childIds, List<String> weeks,
                               String lastMarked, List<Import> imports, Integer atRiskBelowPercent,
                               Long settingsVersion) {

    /** Where a pupil is flagged before persistent absence unless the school says otherwise: the earlier of the two
     *  usual thresholds, so that support starts sooner. */
    public static final int DEFAULT_AT_RISK_BELOW_PERCENT = 95;

    public record Import(String importId, String fileHash, int marks, String importedBy, Instant importedAt) {
    }

    public SchoolAttendance {
        childIds = childIds == null ? List.of() : childIds;
        weeks = weeks == null ? List.of() : weeks;
        imports = imports == null ? List.of() : imports;
        settingsVersion = settingsVersion == null ? -1L : settingsVersion;
    }

    /** The latest day with a mark, or nothing before any import. */
    public Optional<LocalDate> lastMarkedDay() {
        if (lastMarked != null) {
            return Optional.of(LocalDate.parse(lastMarked));
        }
        // A document from before the day was kept: the end of its latest week holds every mark, until a replay.
        return weeks.stream().map(LocalDate::parse).max(Comparator.naturalOrder()).map(monday -> monday.plusDays(6));
    }

    public int atRiskThreshold() {
        return atRiskBelowPercent == null ? DEFAULT_AT_RISK_BELOW_PERCENT : atRiskBelowPercent;
    }
}
