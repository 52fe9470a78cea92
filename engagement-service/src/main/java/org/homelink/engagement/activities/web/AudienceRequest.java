package org.homelink.engagement.activities.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.YearGroup;
import org.homelink.platform.web.Languages;

import java.util.Set;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/**
 * Who to reach, as a client asks for it: families by name (their ids), or everyone on the roll who matches every
 * criterion given (any of the values within one criterion); {@code everyone} for the whole roll. {@code schools}
 * draws on those schools' rolls of the trust. Invitations to activities and messages take it alike.
 */
public record AudienceRequest(Set<@Pattern(regexp = URN, message = URN_MESSAGE) String> schools,
                              Set<@Pattern(regexp = ID, message = ID_MESSAGE) String> familyIds,
                              Set<@NotNull YearGroup> yearGroups,
                              Set<@NotNull Barrier> barriers,
                              Set<@Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE) String> languages,
                              @Pattern(regexp = ID, message = ID_MESSAGE) String keyWorker,
                              Boolean everyone) {

    public Audience.Criteria criteria() {
        return new Audience.Criteria(schools, familyIds, yearGroups, barriers, languages, keyWorker,
                                     Boolean.TRUE.equals(everyone));
    }

    /** Nothing asked for at all. */
    public boolean empty() {
        return !Boolean.TRUE.equals(everyone) && keyWorker == null && isEmpty(schools) && isEmpty(familyIds)
               && isEmpty(yearGroups) && isEmpty(barriers) && isEmpty(languages);
    }

    private static boolean isEmpty(Set<?> values) {
        return values == null || values.isEmpty();
    }
}
