/**
 * What a school records about a family, published by family-service: the family, its carers and their contact
 * preferences, its children and the schools they attend, barriers to engagement, consents and the key worker.
 * <p>
 * Every event here is a {@link org.homelink.contracts.family.FamilyEvent}: it names the family, its trust and the
 * family's schools as they stand once the event has happened (the school it was registered at and the schools its
 * children attend), so a reader can keep each family within the schools of the staff who ask about it without
 * remembering anything else. A family's events, in order of their aggregate sequence number, are its history.
 * <p>
 * Staff are named by their staff id only. Carers and children are named by ids that family-service gives them and
 * that stay the same for the life of the family.
 * <p>
 * A family's personal details are {@code @PersonalData}, encrypted under the family's own key. When the family is
 * erased, {@link org.homelink.contracts.family.FamilyErased} is its last event: its key is gone, its personal details
 * read as {@code null} in every event from then on, and every reader forgets the family.
 */
package org.homelink.contracts.family;
