package org.homelink.engagement.families.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyVoiceRecorded;
import org.homelink.engagement.families.query.EngagementFamily.Contact;
import org.homelink.engagement.families.query.EngagementFamily.Invitation;
import org.homelink.engagement.partners.FamilyReferrals;
import org.homelink.engagement.partners.PartnersProjection;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.RequestContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A family's engagement timeline: activities invited to and attended, contacts and follow-ups, referrals to partner
 * organisations and every step they took, and beside them the
 * family's own history as family-service recorded it, read from the family's events in the shared log (the log is
 * the history; engagement-service keeps no copy of it).
 * <p>
 * Everyone who sees families sees the timeline, but not all of it: barriers, the family's voice and consent are for
 * the roles that support families ({@link Permission#FAMILY_SUPPORT}), referrals for those who refer
 * ({@link Permission#REFERRALS_MAKE}). A teacher sees the family's engagement, not its support needs.
 */
@Component
public class EngagementTimeline {

    private final FamilyEngagementProjection directory;
    private final PartnersProjection partners;
    private final EventStore eventStore;

    public EngagementTimeline(FamilyEngagementProjection directory, PartnersProjection partners,
                              EventStore eventStore) {
        this.directory = directory;
        this.partners = partners;
        this.eventStore = eventStore;
    }

    /**
     * One thing that happened.
     *
     * @param at      when
     * @param source  {@code engagement}, {@code partners} (referrals) or {@code family}
     * @param type    such as {@code INVITED}, {@code ATTENDED}, {@code CONTACT}, or family-service's event name
     * @param title   the activity's title, for invitations and attendance
     * @param details the invitation, the contact, or family-service's event as published
     */
    public record Entry(Instant at, String source, String type, String title, Object details) {
    }

    public record Timeline(String familyId, String familyName, Instant lastTwoWayContact, List<Entry> entries) {
    }

    public Optional<Timeline> of(RequestContext actor, String familyId) {
        boolean support = Permission.FAMILY_SUPPORT.grantedTo(actor.role());
        return directory.familyFor(actor, familyId).map(family -> {
            List<Entry> entries = new ArrayList<>();
            Map<String, ActivitySummary> activities = new java.util.HashMap<>();
            directory.activities(family.invitations().stream().map(Invitation::activityId).toList())
                     .forEach(activity -> activities.put(activity.activityId(), activity));
            for (Invitation invitation : family.invitations()) {
                ActivitySummary activity = activities.get(invitation.activityId());
                String title = activity == null ? null : activity.title();
                if (invitation.invitedAt() != null) {
                    entries.add(new Entry(invitation.invitedAt(), "engagement", "INVITED", title, invitation));
                }
                if (invitation.answeredAt() != null) {
                    entries.add(new Entry(invitation.answeredAt(), "engagement", "ANSWERED_" + invitation.answer(),
                                          title, invitation));
                }
                for (int number : invitation.attended()) {
                    Instant met = activity == null ? invitation.lastAttendedAt()
                            : activity.occurrences().stream().filter(m -> m.number() == number)
                                      .map(ActivitySummary.Meeting::start).findFirst()
                                      .orElse(invitation.lastAttendedAt());
                    entries.add(new Entry(met, "engagement", "ATTENDED", title, invitation));
                }
            }
            for (Contact contact : family.contacts()) {
                entries.add(new Entry(contact.happenedAt(), "engagement", "CONTACT", null, contact));
                if (contact.followUpDoneAt() != null) {
                    entries.add(new Entry(contact.followUpDoneAt(), "engagement", "FOLLOW_UP_DONE", null, contact));
                }
            }
            List<FamilyReferrals.Referral> referrals = Permission.REFERRALS_MAKE.grantedTo(actor.role())
                    ? partners.referralsOf(familyId) : List.of();
            for (FamilyReferrals.Referral referral : referrals) {
                String title = referral.serviceName() + " (" + referral.organisationName() + ")";
                referral.steps().forEach(step -> entries.add(new Entry(step.at(), "partners", "REFERRAL_" + step.what(),
                                                                       title, referral)));
            }
            eventStore.readEvents(familyId).asStream()
                      .filter(message -> message.getPayload() instanceof FamilyEvent)
                      .filter(message -> support || !aboutSupport(message.getPayload()))
                      .forEach(message -> entries.add(familyEntry(message)));
            entries.sort(Comparator.comparing(Entry::at));
            return new Timeline(familyId, family.familyName(), family.lastTwoWayContact().orElse(null), entries);
        });
    }

    private static boolean aboutSupport(Object event) {
        return event instanceof BarrierRecorded || event instanceof BarrierResolved
               || event instanceof FamilyVoiceRecorded || event instanceof ConsentGiven
               || event instanceof ConsentWithdrawn;
    }

    private static Entry familyEntry(DomainEventMessage<?> message) {
        return new Entry(message.getTimestamp(), "family", message.getPayloadType().getSimpleName(), null,
                         message.getPayload());
    }
}
