package org.homelink.family.trust.query;

import java.util.Optional;

/**
 * The trusts and their schools as registered. Families are checked against it: a family belongs to schools of its
 * own trust only.
 */
public interface SchoolRegister {

    /** The trust with its schools, or empty when no trust has this id. */
    Optional<RegisteredTrust> trust(String trustId);

    default boolean hasSchool(String trustId, String schoolUrn) {
        return trust(trustId).map(trust -> trust.has(schoolUrn)).orElse(false);
    }
}
