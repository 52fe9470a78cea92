package org.homelink.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Homelink reads from a token about whoever holds it, besides {@code sub}: the role, the trust, the schools and
 * the partner organisation, under the names of Homelink's security contract (docs/security.md). The same rules hold
 * for the embedded server's users and clients and for the Keycloak realm shipped with Docker Compose, so a setting a
 * service would refuse is refused here, when the server starts, instead.
 *
 * @param role         one of {@link #ROLES}
 * @param trust        the trust's id; none for a partner
 * @param schools      six-digit DfE URNs; none for a trust leader, who acts at every school of the trust, or a partner
 * @param organisation the partner organisation's id; a partner's only
 */
record HomelinkClaims(String role, String trust, List<String> schools, String organisation) {

    static final String ROLE_CLAIM = "homelink_role";
    static final String TRUST_CLAIM = "homelink_trust";
    static final String SCHOOLS_CLAIM = "homelink_schools";
    static final String ORGANISATION_CLAIM = "homelink_organisation";

    static final List<String> ROLES = List.of("trust-leader", "school-leader", "key-worker", "teacher",
                                              "attendance-officer", "office-staff", "partner");
    static final String TRUST_LEADER = "trust-leader";
    static final String PARTNER = "partner";

    /** Ids of trusts, organisations and callers: what the services accept as an id. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern URN = Pattern.compile("\\d{6}");

    HomelinkClaims {
        schools = schools == null ? List.of() : List.copyOf(schools);
        trust = blankToNull(trust);
        organisation = blankToNull(organisation);
        role = blankToNull(role);
    }

    /**
     * What is wrong with these claims, each as {@code field: reason} with the field as it is named in the settings
     * ({@code role}, {@code trust}, {@code schools[1]}, {@code organisation}); empty when they are sound.
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (role == null) {
            problems.add("role: is required, one of " + String.join(", ", ROLES));
            return problems;
        }
        if (!ROLES.contains(role)) {
            problems.add("role: '" + role + "' is not a Homelink role; one of " + String.join(", ", ROLES));
            return problems;
        }
        for (int i = 0; i < schools.size(); i++) {
            if (schools.get(i) == null || !URN.matcher(schools.get(i)).matches()) {
                problems.add("schools[" + i + "]: '" + schools.get(i) + "' is not a DfE URN of six digits");
            }
        }
        if (role.equals(PARTNER)) {
            if (trust != null) {
                problems.add("trust: a partner belongs to no trust; leave it out");
            }
            if (!schools.isEmpty()) {
                problems.add("schools: a partner acts at no school; leave them out");
            }
            if (organisation == null) {
                problems.add("organisation: is required for a partner: the partner organisation's id");
            } else if (!ID.matcher(organisation).matches()) {
                problems.add("organisation: '" + organisation + "' is not an id (letters, digits, '.', '_', '-', up to 64)");
            }
            return problems;
        }
        if (organisation != null) {
            problems.add("organisation: only a partner acts for an organisation; leave it out for " + role);
        }
        if (trust == null) {
            problems.add("trust: is required for " + role + ": the trust's id");
        } else if (!ID.matcher(trust).matches()) {
            problems.add("trust: '" + trust + "' is not an id (letters, digits, '.', '_', '-', up to 64)");
        }
        if (role.equals(TRUST_LEADER) && !schools.isEmpty()) {
            problems.add("schools: a trust leader acts at every school of the trust; leave them out");
        } else if (!role.equals(TRUST_LEADER) && schools.isEmpty()) {
            problems.add("schools: " + role + " needs at least one school's URN");
        }
        return problems;
    }

    /** The claims as they go into a token: only those that apply, {@code homelink_schools} as a JSON array. */
    Map<String, Object> asTokenClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(ROLE_CLAIM, role);
        if (trust != null) {
            claims.put(TRUST_CLAIM, trust);
        }
        if (!schools.isEmpty()) {
            claims.put(SCHOOLS_CLAIM, schools);
        }
        if (organisation != null) {
            claims.put(ORGANISATION_CLAIM, organisation);
        }
        return claims;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
