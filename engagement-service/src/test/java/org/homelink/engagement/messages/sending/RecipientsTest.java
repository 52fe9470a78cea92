package org.homelink.engagement.messages.sending;

import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.messages.query.RecipientDirectory;
import org.homelink.engagement.messages.query.RecipientDirectory.CarerAddress;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A carer's route, and the weeks and digests of London time, across the clocks changing. */
class RecipientsTest {

    static final RecipientDirectory.SchoolSettings FRIDAY = RecipientDirectory.DEFAULTS;

    @Test
    void theWeekStartsOnMondayAtMidnightInLondonInSummerAndInWinter() {
        // 29 March 2026: the clocks go forward. 23:30 UTC on the Sunday is 00:30 on Monday in London.
        assertThat(Recipients.weekStarting(Instant.parse("2026-03-29T22:59:00Z"))).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(Recipients.weekStarting(Instant.parse("2026-03-29T23:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 30));
        // In winter London is UTC.
        assertThat(Recipients.weekStarting(Instant.parse("2026-01-04T23:59:59Z"))).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Recipients.weekStarting(Instant.parse("2026-01-05T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 5));
        // 25 October 2026: the clocks go back; Sunday 23:30 UTC is already Monday in neither.
        assertThat(Recipients.weekStarting(Instant.parse("2026-10-25T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 10, 19));
    }

    @Test
    void theDigestIsTheSchoolsNextDayAndTimeInLondon() {
        // Friday 15:30 in summer is 14:30 UTC; a minute before it, it is today's; at it, next week's.
        assertThat(Recipients.nextDigest(FRIDAY, Instant.parse("2026-06-05T14:29:00Z")))
                .isEqualTo(Instant.parse("2026-06-05T14:30:00Z"));
        assertThat(Recipients.nextDigest(FRIDAY, Instant.parse("2026-06-05T14:30:00Z")))
                .isEqualTo(Instant.parse("2026-06-12T14:30:00Z"));
        // In winter 15:30 in London is 15:30 UTC; from a Saturday, the Friday after.
        assertThat(Recipients.nextDigest(FRIDAY, Instant.parse("2026-01-10T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-16T15:30:00Z"));
        // A digest on the Monday after the clocks go forward keeps its London time.
        RecipientDirectory.SchoolSettings monday = new RecipientDirectory.SchoolSettings(
                "900001", DayOfWeek.MONDAY, LocalTime.of(8, 0), 3, 1);
        assertThat(Recipients.nextDigest(monday, Instant.parse("2026-03-28T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void eachCarerIsRoutedByTheirChannelAndTheAddressesTheSchoolHas() {
        CarerAddress both = new CarerAddress("f/c", "a@example.org", "+447700900001");
        CarerAddress none = new CarerAddress("f/c", null, null);
        assertThat(Recipients.route(carer(ContactChannel.EMAIL, false), both)).isEqualTo(MessageRoute.EMAIL);
        assertThat(Recipients.route(carer(ContactChannel.EMAIL, false), none)).isEqualTo(MessageRoute.STAFF);
        assertThat(Recipients.route(carer(ContactChannel.SMS, false), both)).isEqualTo(MessageRoute.SMS);
        assertThat(Recipients.route(carer(ContactChannel.SMS, false), null)).isEqualTo(MessageRoute.STAFF);
        assertThat(Recipients.route(carer(ContactChannel.APP, false), none)).isEqualTo(MessageRoute.APP);
        assertThat(Recipients.route(carer(ContactChannel.APP, true), both)).isEqualTo(MessageRoute.STAFF);
        assertThat(Recipients.route(carer(ContactChannel.IN_PERSON, false), both)).isEqualTo(MessageRoute.STAFF);
        assertThat(Recipients.route(carer(ContactChannel.PHONE_CALL, false), both)).isEqualTo(MessageRoute.STAFF);
        assertThat(Recipients.route(carer(null, false), both)).isEqualTo(MessageRoute.STAFF);
    }

    private static InvitedCarer carer(ContactChannel channel, boolean spoken) {
        return new InvitedCarer("c", channel, "en", false, spoken);
    }
}
