package org.homelink.engagement.messages.sending;

import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.engagement.MessageCopy;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.activities.command.ActivityCommands.Invitee;
import org.homelink.engagement.activities.query.ActivityQueries;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.events.MessageEvents.FamilyWeek;
import org.homelink.engagement.messages.events.MessageEvents.Held;
import org.homelink.engagement.messages.events.MessageEvents.HeldFor;
import org.homelink.engagement.messages.events.MessageEvents.MessageRouted;
import org.homelink.engagement.messages.query.MessageView;
import org.homelink.engagement.messages.query.RecipientDirectory;
import org.homelink.engagement.messages.query.RecipientDirectory.CarerAddress;
import org.homelink.engagement.messages.query.RecipientDirectory.DigestChoices;
import org.homelink.engagement.messages.query.RecipientDirectory.SchoolSettings;
import org.homelink.engagement.messages.sending.Preview.CarerWithoutText;
import org.homelink.platform.web.Languages;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Works out, from the directory as it is now, the copies a message goes as: for each carer of each family of its
 * audience, the route and the language, and whether the copy goes now or waits for the family's digest.
 * <p>
 * The route: a member of staff for a carer who prefers spoken contact or a visit or a call; email or SMS when that is
 * their channel and the school has the address (otherwise staff, who can reach them and put the record right); the
 * app feed for the app. The language: the carer's when the message has a text in it, otherwise the fallback.
 * A non-urgent copy by email, SMS or app waits for the digest when the family or the carer asked for one, or when
 * the family has had the school's weekly limit of messages; a copy for staff to give never waits.
 */
@Component
public class Recipients {

    private final Audience audience;
    private final FamilyEngagementProjection families;
    private final RecipientDirectory directory;

    Recipients(Audience audience, FamilyEngagementProjection families, RecipientDirectory directory) {
        this.audience = audience;
        this.families = families;
        this.directory = directory;
    }

    /** The copies, what sending records beside them, and the figures. */
    public record Plan(List<MessageCopy> copies, MessageRouted routed, Preview preview) {
    }

    public Plan plan(MessageView message, RequestContext actor, Audience.Criteria criteria, Instant now) {
        return plan(message, actor, criteria, now, null);
    }

    /**
     * @param only the carers (by {@link RecipientDirectory#key}) to plan copies for, of the audience's families; all
     *             of them when null
     */
    public Plan plan(MessageView message, RequestContext actor, Audience.Criteria criteria, Instant now,
                     Set<String> only) {
        Set<String> schools = criteria.schools() == null || criteria.schools().isEmpty()
                ? new TreeSet<>(message.schoolUrns()) : new TreeSet<>(criteria.schools());
        if (!message.schoolUrns().containsAll(schools)) {
            throw new RuleBrokenException("schools", "The message is from " + String.join(", ",
                                                                                         message.schoolUrns()));
        }
        Audience.Resolved resolved = audience.resolve(actor, message.trustId(), message.schoolUrns().get(0),
                new Audience.Criteria(schools, criteria.familyIds(), criteria.yearGroups(), criteria.barriers(),
                                      criteria.languages(), criteria.keyWorker(), criteria.everyone()));
        // The school each family's copy is from: the first of the schools on whose roll it is.
        Map<String, String> schoolOf = new HashMap<>();
        schools.forEach(school -> families.roll(school).ifPresent(
                roll -> roll.familyIds().forEach(familyId -> schoolOf.putIfAbsent(familyId, school))));
        Map<String, CarerAddress> addresses = directory.addresses(writtenTo(resolved.invitees()));
        boolean urgent = message.kind() == MessageKind.URGENT;
        Weeks weeks = urgent ? null : new Weeks(resolved.invitees(), schoolOf, now);

        List<MessageCopy> copies = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        Set<FamilyWeek> counted = new LinkedHashSet<>();
        Map<String, Integer> byRoute = new TreeMap<>();
        Map<String, Integer> byLanguage = new TreeMap<>();
        List<CarerWithoutText> withoutText = new ArrayList<>();
        int forDigest = 0;
        int overLimit = 0;
        for (Invitee invitee : resolved.invitees()) {
            String school = schoolOf.get(invitee.familyId());
            if (school == null) {
                continue; // left the schools' rolls since the audience was drawn
            }
            for (InvitedCarer carer : invitee.carers()) {
                if (only != null && !only.contains(RecipientDirectory.key(invitee.familyId(), carer.carerId()))) {
                    continue;
                }
                MessageRoute route = route(carer, addresses.get(RecipientDirectory.key(invitee.familyId(),
                                                                                       carer.carerId())));
                String wanted = carer.language() == null ? null : Languages.normalise(carer.language());
                String language = wanted != null && message.text(wanted).isPresent()
                        ? wanted : message.fallbackLanguage();
                if (wanted != null && !wanted.equals(language)) {
                    withoutText.add(new CarerWithoutText(invitee.familyId(), carer.carerId(), wanted));
                }
                MessageCopy copy = new MessageCopy(UUID.randomUUID().toString(), school, invitee.familyId(),
                                                   carer.carerId(), route, language);
                copies.add(copy);
                byRoute.merge(route.name(), 1, Integer::sum);
                byLanguage.merge(language, 1, Integer::sum);
                HeldFor reason = weeks == null || route == MessageRoute.STAFF ? null
                        : weeks.holds(school, invitee.familyId(), carer.carerId());
                if (reason == null) {
                    if (weeks != null) {
                        counted.add(new FamilyWeek(school, invitee.familyId()));
                    }
                } else {
                    held.add(new Held(copy.deliveryId(), reason, weeks.nextDigest(school)));
                    if (reason == HeldFor.DIGEST) {
                        forDigest++;
                    } else {
                        overLimit++;
                    }
                }
            }
        }
        Preview preview = new Preview(resolved.invitees().size() + resolved.withoutCarers().size(),
                                      resolved.withoutCarers(), copies.size(), byRoute, byLanguage, withoutText,
                                      byRoute.getOrDefault(MessageRoute.STAFF.name(), 0), forDigest, overLimit);
        return new Plan(copies, new MessageRouted(message.messageId(), held, weekStarting(now),
                                                  List.copyOf(counted)), preview);
    }

    /** The route of one carer's copy, from their preferences and the addresses the school has for them. */
    static MessageRoute route(InvitedCarer carer, CarerAddress address) {
        if (ActivityQueries.byStaff(carer) || carer.channel() == null) {
            return MessageRoute.STAFF;
        }
        return switch (carer.channel()) {
            case EMAIL -> address != null && address.email() != null ? MessageRoute.EMAIL : MessageRoute.STAFF;
            case SMS -> address != null && address.phone() != null ? MessageRoute.SMS : MessageRoute.STAFF;
            case APP -> MessageRoute.APP;
            default -> MessageRoute.STAFF;
        };
    }

    /** The Monday, in London, of the week {@code moment} falls in: the weekly limit's week. */
    public static LocalDate weekStarting(Instant moment) {
        return SchoolTime.dayOf(moment).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The school's next digest after {@code now}: its day and time, in London. */
    public static Instant nextDigest(SchoolSettings settings, Instant now) {
        ZonedDateTime london = now.atZone(SchoolTime.ZONE);
        ZonedDateTime digest = london.with(TemporalAdjusters.nextOrSame(settings.digestDay()))
                                     .with(settings.digestTime());
        if (!digest.isAfter(london)) {
            digest = digest.plusWeeks(1);
        }
        return digest.toInstant();
    }

    /** Only carers whose copy may go by email or SMS need their addresses read. */
    private static List<String> writtenTo(List<Invitee> invitees) {
        List<String> keys = new ArrayList<>();
        for (Invitee invitee : invitees) {
            for (InvitedCarer carer : invitee.carers()) {
                if (!ActivityQueries.byStaff(carer)
                    && (carer.channel() == ContactChannel.EMAIL || carer.channel() == ContactChannel.SMS)) {
                    keys.add(RecipientDirectory.key(invitee.familyId(), carer.carerId()));
                }
            }
        }
        return keys;
    }

    /** Each school's settings, families' digest choices and messages this week, read once for the whole audience. */
    private final class Weeks {
        private final Instant now;
        private final Map<String, SchoolSettings> settings = new HashMap<>();
        private final Map<String, DigestChoices> choices;
        private final Map<String, Integer> sentThisWeek = new HashMap<>();

        Weeks(List<Invitee> invitees, Map<String, String> schoolOf, Instant now) {
            this.now = now;
            List<String> familyIds = invitees.stream().map(Invitee::familyId).toList();
            this.choices = directory.digestChoices(familyIds);
            Map<String, List<String>> bySchool = new HashMap<>();
            familyIds.forEach(id -> {
                if (schoolOf.containsKey(id)) {
                    bySchool.computeIfAbsent(schoolOf.get(id), s -> new ArrayList<>()).add(id);
                }
            });
            LocalDate week = weekStarting(now);
            bySchool.forEach((school, ids) -> {
                settings.put(school, directory.settings(school));
                directory.weekCounts(school, ids, week).forEach((familyId, count) -> sentThisWeek.put(
                        school + "/" + familyId, count));
            });
        }

        HeldFor holds(String school, String familyId, String carerId) {
            DigestChoices choice = choices.get(familyId);
            if (choice != null && choice.digestFor(carerId)) {
                return HeldFor.DIGEST;
            }
            int sent = sentThisWeek.getOrDefault(school + "/" + familyId, 0);
            return sent >= settings.get(school).weeklyLimit() ? HeldFor.WEEKLY_LIMIT : null;
        }

        Instant nextDigest(String school) {
            return Recipients.nextDigest(settings.get(school), now);
        }
    }
}
