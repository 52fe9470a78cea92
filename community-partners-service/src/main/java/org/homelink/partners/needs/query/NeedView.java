package org.homelink.partners.needs.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.partners.NeedResolution;
import org.homelink.contracts.partners.Urgency;

import java.time.Instant;
import java.util.List;

/**
 * A support need as staff lists show it.
 *
 * @param resolution how it ended, or null while it is open
 * @param version    the need's version: the sequence number of its latest event
 */
public record NeedView(@BsonId String needId, String familyId, String trustId, List<String> schoolUrns,
                       String category, Urgency urgency, boolean open, String raisedBy, Instant raisedAt,
                       NeedResolution resolution, long version) {
}
