package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * A support need has been closed: no new referral is made for it. Referrals already made go on to their own end.
 *
 * @param needId     the need
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools when the need was raised
 * @param resolution how it ended
 * @param closedBy   the staff id of who closed it
 * @param closedAt   when
 */
@Revision("1")
public record SupportNeedClosed(String needId, String familyId, String trustId, Set<String> schoolUrns,
                                NeedResolution resolution, String closedBy, Instant closedAt)
        implements SupportNeedEvent {
}
