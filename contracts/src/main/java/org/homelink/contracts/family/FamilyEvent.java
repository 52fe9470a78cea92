package org.homelink.contracts.family;

import java.util.Set;

/** What every event of a family carries, so that any reader can place it in its tenancy. */
public interface FamilyEvent {

    /** The family's id, the id of its event stream. */
    String familyId();

    /** The trust whose schools the family belongs to. A family never moves to another trust. */
    String trustId();

    /**
     * The URNs of the family's schools once this event has happened: the school that registered the family and the
     * schools its children attend. Never empty.
     */
    Set<String> schoolUrns();
}
