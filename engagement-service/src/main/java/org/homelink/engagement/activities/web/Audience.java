package org.homelink.engagement.activities.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.homelink.contracts.engagement.InvitedCarer;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.activities.command.ActivityCommands.Invitee;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.Languages;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/**
 * Turns "Year 3 families who speak Somali" into the families on the school's roll (or the rolls of other schools of
 * the trust the caller acts for, for an activity several schools share), each with the carers an
 * invitation goes to and how it reaches each: the channel and language the carer prefers. Activities' invitations
 * and parent voice surveys draw their audiences alike.
 */
@Component
public class Audience {

    private final FamilyEngagementProjection directory;

    Audience(FamilyEngagementProjection directory) {
        this.directory = directory;
    }

    /**
     * @param invitees        families to invite, with their carers
     * @param withoutCarers   families that matched but have no carer on record, so cannot be invited
     * @param description     the audience in words, kept with each invitation
     */
    public record Resolved(List<Invitee> invitees, List<String> withoutCarers, String description) {
    }

    /**
     * Who to reach: by name, or by criteria that combine with <em>and</em> (values within one with <em>or</em>), or
     * everyone on the roll; {@code schools} draws on other schools' rolls instead of the activity's or survey's own.
     * Annotated for validation, so that an API can take it as the body of a request as it is.
     */
    public record Criteria(Set<@Pattern(regexp = URN, message = URN_MESSAGE) String> schools,
                           Set<@Pattern(regexp = ID, message = ID_MESSAGE) String> familyIds,
                           Set<@NotNull YearGroup> yearGroups,
                           Set<@NotNull Barrier> barriers,
                           Set<@Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE) String> languages,
                           @Pattern(regexp = ID, message = ID_MESSAGE) String keyWorker,
                           Boolean everyone) {

        /** Never null once made: a request that leaves it out, as a query string does, means no. */
        public Criteria {
            everyone = Boolean.TRUE.equals(everyone);
        }

        /** Nothing asked for at all: a scheduled message's preview then shows the audience it was given. */
        public boolean empty() {
            return !everyone && keyWorker == null && !notEmpty(schools) && !notEmpty(familyIds)
                   && !notEmpty(yearGroups) && !notEmpty(barriers) && !notEmpty(languages);
        }
    }

    /**
     * @param actor     who invites: they must act for every school whose roll they draw on
     * @param trustId   the activity's trust
     * @param schoolUrn the activity's school, whose roll is drawn on unless {@code schools} names others
     */
    public Resolved resolve(RequestContext actor, String trustId, String schoolUrn, Criteria request) {
        boolean byName = request.familyIds() != null && !request.familyIds().isEmpty();
        boolean byCriteria = notEmpty(request.yearGroups()) || notEmpty(request.barriers())
                             || notEmpty(request.languages()) || request.keyWorker() != null;
        if (!byName && !byCriteria && !request.everyone()) {
            throw new RuleBrokenException("familyIds", "Name the families, give criteria, or invite everyone");
        }
        // Whom an audience by barrier reaches says which families have the barrier: only for those who see barriers.
        if (notEmpty(request.barriers()) && !Permission.FAMILY_SUPPORT.grantedTo(actor.role())) {
            throw new ForbiddenException("The role " + actor.role().claimValue() + " may not draw an audience by "
                                         + "barrier: only those who " + Permission.FAMILY_SUPPORT.what());
        }
        Set<String> schools = notEmpty(request.schools()) ? new TreeSet<>(request.schools()) : Set.of(schoolUrn);
        Set<String> roll = new TreeSet<>();
        for (String school : schools) {
            // Only rolls of the activity's own trust, and of schools the caller acts for.
            SchoolRoll found = directory.roll(school)
                                        .filter(r -> r.isOfTrust(trustId) && actor.covers(trustId, Set.of(school)))
                                        .orElseThrow(() -> new RuleBrokenException(
                                                "schools", "You do not act for school " + school + " of this trust"));
            roll.addAll(found.familyIds());
        }
        Collection<String> candidates = roll;
        if (byName) {
            String stranger = request.familyIds().stream().filter(id -> !roll.contains(id)).findFirst().orElse(null);
            if (stranger != null) {
                throw new RuleBrokenException("familyIds", "Family " + stranger + " is not on the roll of "
                                                           + String.join(", ", schools));
            }
            candidates = request.familyIds();
        }
        Set<String> languages = request.languages() == null ? Set.of()
                : request.languages().stream().map(Languages::normalise).collect(Collectors.toSet());
        List<Invitee> invitees = new ArrayList<>();
        List<String> withoutCarers = new ArrayList<>();
        for (EngagementFamily family : directory.families(candidates)) {
            if (!matches(family, schools, request, languages)) {
                continue;
            }
            List<InvitedCarer> carers = family.carers().stream()
                                              .map(c -> new InvitedCarer(c.carerId(), c.channel(), c.language(),
                                                                         c.needsInterpreter(),
                                                                         c.prefersSpokenContact()))
                                              .toList();
            if (carers.isEmpty()) {
                withoutCarers.add(family.familyId());
            } else {
                invitees.add(new Invitee(family.familyId(), carers));
            }
        }
        return new Resolved(invitees, withoutCarers, describe(request, languages));
    }

    /**
     * For each family on the rolls of these schools, the first school (in the order given) on whose roll it is: the
     * school a survey's answer or an agreement's acknowledgement counts for. From the rolls, a few reads, rather than
     * each family again.
     */
    public Map<String, String> schoolOfEach(Collection<String> schools) {
        Map<String, String> schoolOf = new HashMap<>();
        schools.forEach(school -> directory.roll(school).ifPresent(
                roll -> roll.familyIds().forEach(familyId -> schoolOf.putIfAbsent(familyId, school))));
        return schoolOf;
    }

    private static boolean matches(EngagementFamily family, Set<String> schools,
                                   Criteria request, Set<String> languages) {
        if (notEmpty(request.yearGroups()) && schools.stream().flatMap(school -> family.yearGroupsAt(school).stream())
                                                     .noneMatch(request.yearGroups()::contains)) {
            return false;
        }
        if (notEmpty(request.barriers())
                && family.openBarriers().stream().noneMatch(request.barriers()::contains)) {
            return false;
        }
        if (!languages.isEmpty() && family.languages().stream().noneMatch(languages::contains)) {
            return false;
        }
        return request.keyWorker() == null || request.keyWorker().equals(family.keyWorker());
    }

    private static String describe(Criteria request, Set<String> languages) {
        List<String> parts = new ArrayList<>();
        if (request.familyIds() != null && !request.familyIds().isEmpty()) {
            parts.add("by name");
        }
        if (notEmpty(request.yearGroups())) {
            parts.add("year groups " + new TreeSet<>(request.yearGroups()));
        }
        if (notEmpty(request.barriers())) {
            parts.add("barriers " + new TreeSet<>(request.barriers()));
        }
        if (!languages.isEmpty()) {
            parts.add("languages " + new TreeSet<>(languages));
        }
        if (request.keyWorker() != null) {
            parts.add("caseload of " + request.keyWorker());
        }
        if (notEmpty(request.schools())) {
            parts.add(0, "schools " + new TreeSet<>(request.schools()));
        }
        return parts.isEmpty() ? "everyone on the roll" : String.join(", ", parts);
    }

    private static boolean notEmpty(Collection<?> values) {
        return values != null && !values.isEmpty();
    }
}
