package org.homelink.contracts.family;

import org.axonframework.serialization.Revision;
import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.Instant;
import java.util.Set;

/**
 * A school has registered a family: the first event of every family. Its carers and children follow in their own
 * events.
 *
 * @param familyId     the family's id, given by family-service
 * @param trustId      the trust of the registering school
 * @param schoolUrns   the family's schools: at first only {@code schoolUrn}
 * @param schoolUrn    the school that registered the family; the family stays one of its families
 * @param familyName   how the school refers to the household, for example "The Adeyemi–Clarke family"
 * @param registeredBy the staff id of who registered it
 * @param registeredAt when
 */
@Revision("1")
public record FamilyRegistered(@DataSubject String familyId, String trustId, Set<String> schoolUrns, String schoolUrn,
                               @PersonalData String familyName, String registeredBy, Instant registeredAt)
        implements FamilyEvent {
}
