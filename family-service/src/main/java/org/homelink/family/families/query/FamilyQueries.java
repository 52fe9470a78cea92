package org.homelink.family.families.query;

import org.homelink.platform.web.RequestContext;

/** What can be asked about families. Each names who asks, and answers only with what they may see. */
public final class FamilyQueries {

    private FamilyQueries() {
    }

    /** A page of the directory: answered with a {@link FamilyPage}. */
    public record FindFamilies(RequestContext actor, FamilySearch search) {
    }

    /** One family's detail: answered with a {@link FamilyDetail}, or nothing when the caller may not see it. */
    public record FindFamily(RequestContext actor, String familyId) {
    }

    /**
     * One family's history: answered with a {@link FamilyTimeline.FamilyHistory}, or nothing when the caller may not
     * see it.
     */
    public record FindFamilyTimeline(RequestContext actor, String familyId) {
    }
}
