package org.homelink.engagement.attendance.query;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * A school's attendance as a whole: the pupils it has marks for, the school weeks its registers cover, the files
 * imported, and its "at risk" threshold. The views read the school's pupils by id from here, the one kind of query
 * that is fast on the embedded store.
 *
 * @param childIds           every pupil with a mark at the school
 * @param weeks              the Monday of every week with a mark: the school's weeks, for "the last 10 school weeks"
 * @param imports            every file imported
 * @param atRiskBelowPercent the school's threshold, or null for the default
 * @param settingsVersion    the version of the school's settings applied, -1 before any
 */
public record SchoolAttendance(@BsonId String schoolUrn, String trustId, List<String> childIds, List<String> weeks,
                               List<Import> imports, Integer atRiskBelowPercent, Long settingsVersion) {

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

    public int atRiskThreshold() {
        return atRiskBelowPercent == null ? DEFAULT_AT_RISK_BELOW_PERCENT : atRiskBelowPercent;
    }
}
