package org.homelink.family.audit;

import org.homelink.family.families.query.FamilyDetail;
import org.homelink.family.families.query.FamilyDirectoryProjection;
import org.homelink.platform.audit.FamilyScopes;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Families' trusts and schools for the audit trail, from the family directory: one lookup per batch of entries. */
@Component
class FamilyDirectoryScopes implements FamilyScopes {

    private final FamilyDirectoryProjection directory;

    FamilyDirectoryScopes(FamilyDirectoryProjection directory) {
        this.directory = directory;
    }

    @Override
    public Map<String, FamilyScope> of(Collection<String> familyIds) {
        Map<String, FamilyScope> scopes = new HashMap<>();
        for (FamilyDetail family : directory.details(familyIds)) {
            scopes.put(family.familyId(), new FamilyScope(family.trustId(), Set.copyOf(family.schoolUrns())));
        }
        return scopes;
    }
}
