package org.homelink.contracts.partners;

import java.util.Set;

/** What every event of a support need carries, so that any reader can place it in the family's tenancy. */
public interface SupportNeedEvent {

    /** The need's id, the id of its event stream. */
    String needId();

    /** The family the need is for. */
    String familyId();

    /** The family's trust. */
    String trustId();

    /** The URNs of the family's schools when the need was raised. Never empty. */
    Set<String> schoolUrns();
}
