package org.homelink.engagement.messages.query;

import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.messages.events.MessageEvents.DigestChosen;
import org.homelink.engagement.messages.events.MessageEvents.FamilyWeek;
import org.homelink.engagement.messages.events.MessageEvents.MessageRouted;
import org.homelink.engagement.messages.events.MessageEvents.MessageSettingsChanged;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.TRUST;

/** Carers' addresses, schools' settings, digest choices and weekly counts rebuild from the log alone. */
class RecipientDirectoryReplayTest extends ReplayContract {

    RecipientDirectoryReplayTest() {
        super(RecipientDirectory::new, RecipientDirectoryReplayTest::history, "carerAddresses", "messageSettings",
              "digestChoices", "messageWeeks");
    }

    static void history(EventFeed feed) {
        ContactPreferences email = new ContactPreferences(ContactChannel.EMAIL, "so", false, false, null, null);
        feed.feed(new CarerAdded("warsame", TRUST, Set.of(NORTH), "amina", "Amina", "mother", true, null,
                                 "amina@example.org", null, email, "staff-n", NOW),
                  new CarerDetailsChanged("warsame", TRUST, Set.of(NORTH), "amina", "Amina", "mother", true,
                                          "+447700900001", "amina.w@example.org", null, "staff-n", NOW),
                  new MessageSettingsChanged(NORTH, TRUST, DayOfWeek.THURSDAY, LocalTime.of(16, 0), 2, "leader",
                                             NOW),
                  new DigestChosen("warsame", TRUST, null, true, "staff-n", NOW),
                  new DigestChosen("okafor", TRUST, "chidi", true, "staff-n", NOW),
                  new DigestChosen("okafor", TRUST, "ngozi", true, "staff-n", NOW),
                  new DigestChosen("okafor", TRUST, "chidi", false, "staff-n", NOW),
                  new MessageRouted("m-1", List.of(), LocalDate.of(2026, 3, 2),
                                    List.of(new FamilyWeek(NORTH, "warsame"))),
                  new MessageRouted("m-2", List.of(), LocalDate.of(2026, 3, 2),
                                    List.of(new FamilyWeek(NORTH, "warsame"))));
    }
}
