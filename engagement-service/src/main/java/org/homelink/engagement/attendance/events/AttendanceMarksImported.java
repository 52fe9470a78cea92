package org.homelink.engagement.attendance.events;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;
import org.homelink.contracts.family.YearGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A file of register marks from the school's management information system was imported. One event per school per
 * file rather than one per mark: a trust's term is millions of marks, and an event each would make the import and
 * every replay take hours. Only engagement-service reads it.
 *
 * @param importId   the import: the school and the file's content hash, so the same file is one import however often
 *                   it is sent
 * @param fileHash   SHA-256 of the file's bytes, hex
 * @param days       every day the file has a mark on, in order
 * @param pupils     each pupil's marks on those days
 * @param marks      how many marks the file held
 */
@Revision("1")
public record AttendanceMarksImported(String importId, String trustId, String schoolUrn, String fileHash,
                                      List<LocalDate> days, List<PupilMarks> pupils, int marks, String importedBy,
                                      Instant importedAt) {

    /**
     * One pupil's marks in the file, compact: {@code sessions} has two entries per entry of {@code days}, the
     * morning's code then the afternoon's, and an empty string where the file had no mark for that session.
     *
     * @param familyId  the pupil's family, whose key encrypts the marks; once it is erased they read as null
     * @param yearGroup the pupil's year group when the marks were imported, so that the school's view by year group
     *                  shows the year the pupil was in
     */
    public record PupilMarks(String childId, @DataSubject String familyId, YearGroup yearGroup,
                             @PersonalData List<String> sessions) {
    }
}
