package org.homelink.partners.families;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ChildLeftSchool;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ContactPreferencesChanged;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyEvent;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A family as this service needs to know it, read from family-service's events of that family in the shared log
 * whenever it is needed, never copied into this service's database: whether it has consented to sharing with
 * partners, and what it agreed to share. Reading the family's own stream sees a consent withdrawn the moment
 * family-service recorded it, so a partner loses access at once, and no second copy of a family's details waits
 * here for erasure to find. An erased family is not found at all.
 */
@Component
public class FamilyRecords {

    private final EventStore eventStore;

    public FamilyRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<SharedFamily> find(String familyId) {
        SharedFamily family = null;
        Map<String, SharedFamily.Carer> carers = new LinkedHashMap<>();
        Map<String, SharedFamily.Child> children = new LinkedHashMap<>();
        String consentingCarer = null;
        for (var message : eventStore.readEvents(familyId).asStream().toList()) {
            if (!(message.getPayload() instanceof FamilyEvent event)) {
                continue;
            }
            if (event instanceof FamilyErased) {
                return Optional.empty(); // its last event: what is left of the family is not a family to share
            }
            if (event instanceof CarerAdded added) {
                carers.put(added.carerId(), new SharedFamily.Carer(added.carerId(), added.name(), added.phone(),
                                                                   added.email(), added.preferences()));
            } else if (event instanceof CarerDetailsChanged changed && carers.containsKey(changed.carerId())) {
                carers.put(changed.carerId(), new SharedFamily.Carer(changed.carerId(), changed.name(),
                                                                     changed.phone(), changed.email(),
                                                                     carers.get(changed.carerId()).preferences()));
            } else if (event instanceof ContactPreferencesChanged changed && carers.containsKey(changed.carerId())) {
                SharedFamily.Carer carer = carers.get(changed.carerId());
                carers.put(changed.carerId(), new SharedFamily.Carer(carer.carerId(), carer.name(), carer.phone(),
                                                                     carer.email(), changed.preferences()));
            } else if (event instanceof ChildEnrolled enrolled) {
                children.put(enrolled.childId(), new SharedFamily.Child(enrolled.childId(), enrolled.dateOfBirth(),
                                                                        enrolled.schoolUrn()));
            } else if (event instanceof ChildLeftSchool left && children.containsKey(left.childId())) {
                children.put(left.childId(), new SharedFamily.Child(left.childId(),
                                                                    children.get(left.childId()).dateOfBirth(), null));
            } else if (event instanceof ConsentGiven given
                       && ConsentPurposes.SHARING_WITH_PARTNERS.equals(given.purpose())) {
                consentingCarer = given.carerId();
            } else if (event instanceof ConsentWithdrawn withdrawn
                       && ConsentPurposes.SHARING_WITH_PARTNERS.equals(withdrawn.purpose())) {
                consentingCarer = null;
            }
            family = new SharedFamily(event.familyId(), event.trustId(), event.schoolUrns(), consentingCarer,
                                      Map.copyOf(carers), Map.copyOf(children));
        }
        return Optional.ofNullable(family);
    }
}
