package org.homelink.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and checks the request context headers; a request without a sound context is refused with 401. */
final class RequestContextHeaders {

    static final String TRUST = "X-Homelink-Trust";
    static final String SCHOOLS = "X-Homelink-Schools";
    static final String ROLE = "X-Homelink-Role";
    static final String STAFF = "X-Homelink-Staff";
    static final String ORGANISATION = "X-Homelink-Organisation";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern URN = Pattern.compile("\\d{6}");

    private RequestContextHeaders() {
    }

    static RequestContext read(HttpServletRequest request) {
        // A partner belongs to no trust, so only a partner may leave the trust out; the others are told about the
        // trust first, as they always were.
        boolean partner = Role.PARTNER.headerValue().equals(request.getHeader(ROLE));
        String trust = partner ? optional(request, TRUST) : required(request, TRUST);
        String staff = required(request, STAFF);
        Role role = Role.fromHeader(required(request, ROLE))
                        .orElseThrow(() -> new MissingRequestContextException(ROLE, "is not a known role"));
        String organisation = partner ? requiredForPartner(request) : null;
        String schoolsHeader = request.getHeader(SCHOOLS);
        Set<String> schools = schoolsHeader == null || schoolsHeader.isBlank()
                ? Set.of()
                : Arrays.stream(schoolsHeader.split(",", -1)).map(String::trim).collect(Collectors.toSet());
        if (!schools.stream().allMatch(school -> URN.matcher(school).matches())) {
            throw new MissingRequestContextException(SCHOOLS, "must be DfE URNs of six digits, separated by commas");
        }
        if (schools.isEmpty() && role != Role.TRUST_LEADER && role != Role.PARTNER) {
            throw new MissingRequestContextException(SCHOOLS, "must name at least one school for this role");
        }
        return new RequestContext(trust, schools, role, staff, organisation);
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw new MissingRequestContextException(header, "is required");
        }
        return valid(header, value);
    }

    private static String requiredForPartner(HttpServletRequest request) {
        String value = request.getHeader(ORGANISATION);
        if (value == null || value.isBlank()) {
            throw new MissingRequestContextException(ORGANISATION, "is required for a partner");
        }
        return valid(ORGANISATION, value);
    }

    private static String optional(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        return value == null || value.isBlank() ? null : valid(header, value);
    }

    private static String valid(String header, String value) {
        if (!header.equals(ROLE) && !ID.matcher(value).matches()) {
            throw new MissingRequestContextException(header, "is not a valid id");
        }
        return value;
    }
}
