package org.homelink.family.families.query;

import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyVoiceRecorded;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.RequestContext;

/**
 * Barriers and what a family has told the school in its own words are for staff whose work is supporting families
 * ({@link Permission#FAMILY_SUPPORT}). A teacher or a member of the office sees the family without them: in its
 * detail, its timeline and the directory alike, so that no way round the endpoints of barriers and voice is left.
 */
public final class SupportRecords {

    private SupportRecords() {
    }

    public static boolean seenBy(RequestContext actor) {
        return Permission.FAMILY_SUPPORT.grantedTo(actor.role());
    }

    static boolean isSupportRecord(FamilyEvent event) {
        return event instanceof BarrierRecorded || event instanceof BarrierResolved
               || event instanceof FamilyVoiceRecorded;
    }
}
