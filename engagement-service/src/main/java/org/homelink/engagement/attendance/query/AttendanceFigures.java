package org.homelink.engagement.attendance.query;

import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCodes;
import org.homelink.engagement.attendance.command.AttendanceCodes.Code;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

/**
 * A pupil's attendance over a period, as the DfE's rules (from August 2024) define it.
 *
 * @param yearGroup                      the pupil's year group on the period's last day
 * @param possibleSessions               sessions the pupil could have attended (not-counted and unable-to-attend
 *                                       codes left out)
 * @param attendedSessions               present, or at an approved educational activity
 * @param absentSessions                 authorised and unauthorised
 * @param attendancePercent              attended / possible, to one decimal place; null with no possible session
 * @param absencePercent                 absent / possible, to one decimal place
 * @param lates                          arrived late, before or after the register closed (L, U)
 * @param latesAfterRegisterClosed       of those, after it closed (U: an unauthorised absence)
 * @param persistentAbsence              10% or more of possible sessions missed
 * @param severeAbsence                  50% or more missed
 * @param atRisk                         below the school's threshold but not yet persistently absent
 * @param unauthorisedInLast10SchoolWeeks unauthorised sessions (G, N, O, U) in the school's last 10 weeks with marks
 * @param penaltyThresholdReached        10 or more of them: the national framework says a penalty notice must be
 *                                       considered, which in this product means support is reviewed first
 */
public record AttendanceFigures(String childId, String familyId, YearGroup yearGroup, int possibleSessions,
                                int attendedSessions, int absentSessions, int authorisedAbsences,
                                int unauthorisedAbsences, BigDecimal attendancePercent, BigDecimal absencePercent,
                                int lates, int latesAfterRegisterClosed, boolean persistentAbsence,
                                boolean severeAbsence, boolean atRisk, int unauthorisedInLast10SchoolWeeks,
                                boolean penaltyThresholdReached) {

    public static final int PENALTY_THRESHOLD_SESSIONS = 10;
    public static final int PENALTY_WEEKS = 10;

    /**
     * @param from           the period's first day
     * @param to             its last day
     * @param lastSchoolWeeks the Mondays of the school's last 10 weeks with marks up to {@code to}, whether or not
     *                        they are in the period
     */
    public static AttendanceFigures of(PupilRegister register, AttendanceCodes codes, LocalDate from, LocalDate to,
                                       Set<LocalDate> lastSchoolWeeks, int atRiskBelowPercent) {
        int[] count = new int[8];
        register.forEachMark((day, session, mark) -> {
            if (day.isAfter(to)) {
                return;
            }
            Code code = codes.of(mark);
            // The last 10 school weeks roll back over the period's start: in the autumn, most are last summer's.
            if (code.unauthorised() && lastSchoolWeeks.contains(AttendanceProjection.weekOf(day))) {
                count[6]++;
            }
            if (day.isBefore(from)) {
                return;
            }
            if (code.possible()) {
                count[0]++;
                count[code.attended() ? 1 : 2]++;
                if (code.absence()) {
                    count[code.unauthorised() ? 4 : 3]++;
                }
            }
            if (AttendanceCodes.LATE_BEFORE_REGISTER_CLOSED.equals(mark)) {
                count[5]++;
            } else if (AttendanceCodes.LATE_AFTER_REGISTER_CLOSED.equals(mark)) {
                count[5]++;
                count[7]++;
            }
        });
        int possible = count[0];
        int absent = count[2];
        boolean persistent = possible > 0 && absent * 10 >= possible;
        BigDecimal rate = percent(count[1], possible);
        return new AttendanceFigures(register.childId(), register.familyId(), register.yearGroupOn(to), possible,
                                     count[1], absent, count[3], count[4], rate, percent(absent, possible), count[5],
                                     count[7], persistent, possible > 0 && absent * 2 >= possible,
                                     !persistent && possible > 0 && count[1] * 100L < (long) atRiskBelowPercent * possible,
                                     count[6], count[6] >= PENALTY_THRESHOLD_SESSIONS);
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                          : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
