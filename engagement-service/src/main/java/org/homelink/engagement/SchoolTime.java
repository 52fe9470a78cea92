package org.homelink.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Schools count days in the UK's time: a register marked just after midnight in summer is the new day's, although
 * the service's clock, in UTC, still says yesterday. Every day, week and wall-clock time of the service (terms,
 * activities, contacts, attendance, digests) is read in this one zone, so that no two features disagree about it.
 */
public final class SchoolTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private SchoolTime() {
    }

    public static LocalDate today(Clock clock) {
        return dayOf(clock.instant());
    }

    public static LocalDate dayOf(Instant moment) {
        return LocalDate.ofInstant(moment, ZONE);
    }
}
