package org.homelink.engagement.activities.query;

import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.engagement.activities.command.ActivityRules.ActivityNotFound;
import org.homelink.engagement.activities.query.ActivityDetail.Carer;
import org.homelink.engagement.activities.query.ActivityDetail.InvitedFamily;
import org.homelink.engagement.activities.query.ActivityDetail.Notice;
import org.homelink.engagement.activities.query.ActivityView.Change;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.platform.web.RequestContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Activities as staff read them, always within the caller's schools. */
@Component
public class ActivityQueries {

    private final ActivityProjection activities;
    private final FamilyEngagementProjection families;

    public ActivityQueries(ActivityProjection activities, FamilyEngagementProjection families) {
        this.activities = activities;
        this.families = families;
    }

    public ActivityView activity(RequestContext actor, String activityId) {
        return activities.activityFor(actor, activityId).orElseThrow(ActivityNotFound::new);
    }

    public List<ActivityView> activities(RequestContext actor, String schoolUrn) {
        Set<String> schools = schoolUrn != null ? Set.of(schoolUrn) : actor.schoolUrns();
        if (actor.isTrustLeader() && schoolUrn == null) {
            return activities.activitiesOfTrust(actor.trustId());
        }
        return activities.activitiesAt(actor.trustId(), schools).stream()
                         .filter(a -> actor.covers(a.trustId(), Set.of(a.schoolUrn()))).toList();
    }

    public ActivityDetail detail(RequestContext actor, String activityId) {
        ActivityView activity = activity(actor, activityId);
        int yes = 0;
        int no = 0;
        int maybe = 0;
        int noAnswer = 0;
        int waitlisted = 0;
        int invited = 0;
        Map<Integer, Integer> attended = new TreeMap<>();
        Map<String, Integer> wouldHelp = new TreeMap<>();
        Map<String, Integer> interpreterNeeded = new TreeMap<>();
        for (InvitationView invitation : activities.invitationsOf(activity)) {
            invitation.checkIns().forEach(checkIn -> attended.merge(checkIn.occurrence(), 1, Integer::sum));
            if (invitation.invitedAt() == null) {
                continue; // came without an invitation
            }
            invited++;
            Answer answer = invitation.answer();
            if (answer == null) {
                noAnswer++;
            } else if (answer == Answer.YES && invitation.waitlisted()) {
                waitlisted++;
            } else if (answer == Answer.YES) {
                yes++;
            } else if (answer == Answer.NO) {
                no++;
            } else {
                maybe++;
            }
            invitation.wouldHelp().forEach(help -> wouldHelp.merge(help.name(), 1, Integer::sum));
            for (InvitedCarer carer : invitation.carers()) {
                if (activity.interpreterMissingFor(carer)) {
                    interpreterNeeded.merge(carer.language(), 1, Integer::sum);
                }
            }
        }
        Integer placesLeft = activity.capacity() == null ? null : Math.max(0, activity.capacity() - yes);
        return new ActivityDetail(activity, invited, yes, no, maybe, noAnswer, waitlisted, placesLeft, attended,
                                  wouldHelp, interpreterNeeded);
    }

    /** Every family at the activity, invited or come without an invitation, by family name. */
    public List<InvitedFamily> invitations(RequestContext actor, String activityId) {
        ActivityView activity = activity(actor, activityId);
        List<InvitationView> invitations = activities.invitationsOf(activity);
        Map<String, EngagementFamily> known = new HashMap<>();
        families.families(invitations.stream().map(InvitationView::familyId).toList())
                .forEach(family -> known.put(family.familyId(), family));
        List<InvitedFamily> result = new ArrayList<>();
        for (InvitationView invitation : invitations) {
            EngagementFamily family = known.get(invitation.familyId());
            List<Carer> carers = invitation.carers().stream().map(carer -> new Carer(
                    carer.carerId(),
                    family == null ? null : family.carer(carer.carerId()).map(EngagementFamily.Carer::name)
                                                  .orElse(null),
                    carer.channel() == null ? null : carer.channel().name(), carer.language(),
                    carer.needsInterpreter(), activity.interpreterBooked(carer.language()),
                    byStaff(carer))).toList();
            result.add(new InvitedFamily(invitation.familyId(), family == null ? null : family.familyName(), carers,
                                         invitation));
        }
        result.sort(Comparator.comparing(InvitedFamily::familyName, Comparator.nullsLast(Comparator.naturalOrder()))
                              .thenComparing(InvitedFamily::familyId));
        return result;
    }

    /**
     * What each invited carer is to be told: the invitation, then every change since; a family that said no is not
     * told of later changes. Written messages go out by each carer's channel (with messaging); those who prefer
     * spoken contact are a member of staff's to tell.
     */
    public List<Notice> notices(RequestContext actor, String activityId) {
        ActivityView activity = activity(actor, activityId);
        List<Notice> notices = new ArrayList<>();
        for (InvitationView invitation : activities.invitationsOf(activity)) {
            if (invitation.invitedAt() == null) {
                continue;
            }
            for (InvitedCarer carer : invitation.carers()) {
                notices.add(notice(invitation, carer, "INVITATION", null, invitation.invitedAt(), null));
                if (invitation.answer() == Answer.NO) {
                    continue;
                }
                for (Change change : activity.changes()) {
                    if (change.at().isAfter(invitation.invitedAt())) {
                        notices.add(notice(invitation, carer, change.what(), change.occurrence(), change.at(),
                                           change.reason()));
                    }
                }
            }
        }
        notices.sort(Comparator.comparing(Notice::at).thenComparing(Notice::familyId).thenComparing(Notice::carerId));
        return notices;
    }

    private static Notice notice(InvitationView invitation, InvitedCarer carer, String about, Integer occurrence,
                                 java.time.Instant at, String reason) {
        return new Notice(invitation.familyId(), carer.carerId(),
                          carer.channel() == null ? null : carer.channel().name(), carer.language(), byStaff(carer),
                          about, occurrence, at, reason);
    }

    /** A carer who prefers spoken contact, or whose channel is a visit or a call, is told by a member of staff. */
    public static boolean byStaff(InvitedCarer carer) {
        return carer.prefersSpokenContact() || carer.channel() == ContactChannel.IN_PERSON
               || carer.channel() == ContactChannel.PHONE_CALL;
    }
}
