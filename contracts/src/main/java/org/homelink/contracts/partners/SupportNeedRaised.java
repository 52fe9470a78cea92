package org.homelink.contracts.partners;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff has raised a support need for a family that has consented to sharing with partners: the start
 * of finding a partner who can help. What the family said about its circumstances stays inside
 * community-partners-service; this event carries only what a timeline shows.
 *
 * @param needId     the need's id, given by community-partners-service
 * @param familyId   the family
 * @param trustId    its trust
 * @param schoolUrns its schools when the need was raised
 * @param category   the kind of support needed, a code: see {@link SupportCategories}
 * @param urgency    how soon
 * @param raisedBy   the staff id of who raised it
 * @param raisedAt   when
 */
@Revision("1")
public record SupportNeedRaised(String needId, @DataSubject String familyId, String trustId, Set<String> schoolUrns,
                                @PersonalData String category, @PersonalData Urgency urgency, String raisedBy,
                                Instant raisedAt) implements SupportNeedEvent {
}
