package org.homelink.partners.families;

import org.homelink.platform.audit.FamilyScopes;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Families' trusts and schools for the audit trail, read from family-service's events as this service reads every
 * family: a partner's read of a referral is filed under the family's schools, for their leaders to see.
 */
@Component
class FamilyRecordScopes implements FamilyScopes {

    private final FamilyRecords families;

    FamilyRecordScopes(FamilyRecords families) {
        this.families = families;
    }

    @Override
    public Map<String, FamilyScope> of(Collection<String> familyIds) {
        Map<String, FamilyScope> scopes = new HashMap<>();
        for (String familyId : familyIds) {
            families.find(familyId).ifPresent(family -> scopes.put(
                    familyId, new FamilyScope(family.trustId(), family.schoolUrns())));
        }
        return scopes;
    }
}
