package org.homelink.platform.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Where families belong, as a service's own read model has them: the audit trail files what a request did to a
 * family under the family's trust and schools, so that each school's day shows what was done to its families,
 * whoever did it. A service that knows families defines one as a bean; without one, a request is filed under the
 * school it named or the caller's schools. Asked off the request's thread, for a batch at a time.
 */
@FunctionalInterface
public interface FamilyScopes {

    /** The trust and schools of each of these families known here; unknown ones are left out. */
    Map<String, FamilyScope> of(Collection<String> familyIds);

    record FamilyScope(String trustId, Set<String> schoolUrns) {

        public FamilyScope {
            schoolUrns = Set.copyOf(schoolUrns);
        }
    }
}
