package org.homelink.engagement.families.query;

import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;

/**
 * A school of a trust and the families on its roll: the families whose schools include it. The reach views read a
 * school's families by their ids from here, so that they look records up by key, the one kind of query that is
 * fast on every store (the embedded one has no secondary indexes).
 *
 * @param schoolUrn the school's DfE URN
 * @param trustId   its trust
 * @param name      its name, once registered
 * @param familyIds the families on its roll
 * @param weeksWithoutTwoWayContact    the school's threshold for the underserved list, or null for the default
 * @param invitationsWithoutAttendance the school's threshold for the underserved list, or null for the default
 * @param settingsVersion              the version of the school's reach settings applied, -1 before any
 */
public record SchoolRoll(@BsonId String schoolUrn, String trustId, String name, List<String> familyIds,
                         Integer weeksWithoutTwoWayContact, Integer invitationsWithoutAttendance,
                         Long settingsVersion) {

    public static final int DEFAULT_WEEKS_WITHOUT_TWO_WAY_CONTACT = 6;
    public static final int DEFAULT_INVITATIONS_WITHOUT_ATTENDANCE = 3;

    public SchoolRoll {
        familyIds = familyIds == null ? List.of() : familyIds;
        settingsVersion = settingsVersion == null ? -1L : settingsVersion;
    }

    /** Whether the register has the school as one of the trust's (from family-service's SchoolRegistered). */
    public boolean isOfTrust(String trustId) {
        return trustId.equals(this.trustId) && name != null;
    }

    public int weeksWithoutContact() {
        return weeksWithoutTwoWayContact == null ? DEFAULT_WEEKS_WITHOUT_TWO_WAY_CONTACT : weeksWithoutTwoWayContact;
    }

    public int invitationsWithoutComing() {
        return invitationsWithoutAttendance == null ? DEFAULT_INVITATIONS_WITHOUT_ATTENDANCE
                                                    : invitationsWithoutAttendance;
    }
}
