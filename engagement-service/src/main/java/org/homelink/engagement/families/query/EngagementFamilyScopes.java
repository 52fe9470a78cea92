package org.homelink.engagement.families.query;

import org.homelink.platform.audit.FamilyScopes;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Families' trusts and schools for the audit trail, from this service's own copy of them: what is done here to a
 * family is filed under its schools, so each school leader sees it in their school's day.
 */
@Component
class EngagementFamilyScopes implements FamilyScopes {

    private final FamilyEngagementProjection directory;

    EngagementFamilyScopes(FamilyEngagementProjection directory) {
        this.directory = directory;
    }

    @Override
    public Map<String, FamilyScope> of(Collection<String> familyIds) {
        Map<String, FamilyScope> scopes = new HashMap<>();
        for (EngagementFamily family : directory.families(familyIds)) {
            scopes.put(family.familyId(), new FamilyScope(family.trustId(), Set.copyOf(family.schoolUrns())));
        }
        return scopes;
    }
}
