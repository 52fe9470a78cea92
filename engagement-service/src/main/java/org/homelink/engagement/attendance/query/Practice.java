package org.homelink.engagement.attendance.query;

import org.homelink.contracts.engagement.ActivityKind;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.ActivitySummary;
import org.homelink.engagement.families.query.EngagementFamily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A way of meeting families whose effect on attendance a school asks about: a kind of contact the school logs (a home
 * visit) or a kind of activity a family comes to (a coffee morning). The two vocabularies share no name, so one
 * parameter names either.
 *
 * @param contact  the kind of contact, or null for an activity
 * @param activity the kind of activity, or null for a contact
 */
public record Practice(ContactKind contact, ActivityKind activity) {

    public static Optional<Practice> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(ContactKind.values()).filter(kind -> kind.name().equals(upper)).findFirst()
                     .map(kind -> new Practice(kind, null))
                     .or(() -> Arrays.stream(ActivityKind.values()).filter(kind -> kind.name().equals(upper))
                                     .findFirst().map(kind -> new Practice(null, kind)));
    }

    public String name() {
        return contact != null ? contact.name() : activity.name();
    }

    /**
     * The day (in London) the family first met the school this way at this school: the first contact of the kind,
     * or the first occurrence of an activity of the kind that someone of the family came to.
     *
     * @param activities the school's activities by id: whatever the family came to that is known
     */
    public Optional<LocalDate> firstDay(EngagementFamily family, String schoolUrn,
                                        Map<String, ActivitySummary> activities) {
        Stream<Instant> moments = contact != null
                ? family.contacts().stream()
                        .filter(logged -> logged.kind() == contact && schoolUrn.equals(logged.schoolUrn()))
                        .map(EngagementFamily.Contact::happenedAt)
                : family.invitations().stream()
                        .filter(invitation -> schoolUrn.equals(invitation.schoolUrn()) && invitation.cameToAny())
                        .flatMap(invitation -> Optional.ofNullable(activities.get(invitation.activityId()))
                                .filter(summary -> summary.kind() == activity).stream()
                                .flatMap(summary -> summary.occurrences().stream()
                                        .filter(meeting -> invitation.attended().contains(meeting.number()))
                                        .map(ActivitySummary.Meeting::start)));
        return moments.filter(Objects::nonNull).min(Comparator.naturalOrder()).map(SchoolTime::dayOf);
    }
}
