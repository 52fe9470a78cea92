package org.homelink.platform.security;

import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the request context from a verified token's claims, with the same rules the services always kept: a known
 * role; a trust for everyone but partners; at least one school for every role that works at schools; an
 * organisation for partners. A token that breaks them is refused as a whole, never half-used.
 */
final class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern URN = Pattern.compile("\\d{6}");
    private static final String SUBJECT = "sub";

    private final SecuritySettings.ClaimNames names;

    TokenClaims(SecuritySettings.ClaimNames names) {
        this.names = names;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new CallerAuthentication(jwt, read(jwt));
    }

    RequestContext read(Jwt jwt) {
        Role role = Role.fromClaim(text(jwt, names.role()))
                        .orElseThrow(() -> new InvalidCallerClaimException(names.role(), "is not a known role"));
        String staff = id(jwt, SUBJECT);
        boolean partner = role == Role.PARTNER;
        // A partner belongs to no trust; one sent anyway must still be well formed.
        String trust = partner ? optionalId(jwt, names.trust()) : id(jwt, names.trust());
        String organisation = partner ? id(jwt, names.organisation()) : null;
        Set<String> schools = schools(jwt);
        if (schools.isEmpty() && role != Role.TRUST_LEADER && !partner) {
            throw new InvalidCallerClaimException(names.schools(), "must name at least one school for this role");
        }
        return new RequestContext(trust, partner ? Set.of() : schools, role, staff, organisation);
    }

    private Set<String> schools(Jwt jwt) {
        Object value = jwt.getClaims().get(names.schools());
        if (value == null) {
            return Set.of();
        }
        // Some providers send a single value as a string, or several as one space- or comma-separated string.
        Collection<?> entries = value instanceof Collection<?> list ? list : List.of(value.toString().split("[ ,]"));
        Set<String> schools = new LinkedHashSet<>();
        for (Object entry : entries) {
            String urn = String.valueOf(entry).trim();
            if (!URN.matcher(urn).matches()) {
                throw new InvalidCallerClaimException(names.schools(), "must be DfE URNs of six digits");
            }
            schools.add(urn);
        }
        return schools;
    }

    private static String text(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidCallerClaimException(claim, "is required");
        }
        return value.toString();
    }

    private static String id(Jwt jwt, String claim) {
        String value = text(jwt, claim);
        if (!ID.matcher(value).matches()) {
            throw new InvalidCallerClaimException(claim, "is not a valid id");
        }
        return value;
    }

    private static String optionalId(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        return value == null || value.toString().isBlank() ? null : id(jwt, claim);
    }
}
