package org.homelink.engagement.families.query;

import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;

/**
 * The families a member of staff works with: those whose key worker they are, and those where they own a follow-up
 * still to do.
 *
 * @param id          the trust and the staff id, as {@code trust/staff}
 * @param trustId     the trust
 * @param staffId     the member of staff
 * @param keyWorkerOf the families they are key worker for
 * @param followingUp the families where they own a follow-up that is not yet done
 */
public record Caseload(@BsonId String id, String trustId, String staffId, List<String> keyWorkerOf,
                       List<String> followingUp) {

    public Caseload {
        // Each list is created by the first update that adds to it.
        keyWorkerOf = keyWorkerOf == null ? List.of() : keyWorkerOf;
        followingUp = followingUp == null ? List.of() : followingUp;
    }

    static String idOf(String trustId, String staffId) {
        return trustId + "/" + staffId;
    }
}
