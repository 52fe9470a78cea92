package org.homelink.family.trust.query;

import org.homelink.contracts.school.Phase;

import java.util.List;

/** A trust as registered, with its schools in the order they joined. */
public record RegisteredTrust(String trustId, String name, List<School> schools) {

    public boolean has(String schoolUrn) {
        return schools.stream().anyMatch(school -> school.schoolUrn().equals(schoolUrn));
    }

    public record School(String schoolUrn, String name, Phase phase, String postcode) {
    }
}
