package org.homelink.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One request that read or changed families' data, as the audit trail keeps it. Ids, route patterns and parameter
 * names only: nothing a caller typed that could be a name.
 *
 * @param at         when the request was answered
 * @param service    the service that answered it
 * @param route      the method and route pattern, such as {@code GET /api/families/{familyId}}: never the path
 * @param parameters the names of the query parameters it was given, never their values
 * @param status     the HTTP status it was answered with: a refusal is recorded as well as a read
 * @param by         who asked
 * @param familyIds  the families it concerned, when it named them; empty for a list read
 * @param trustId    the trust it concerned: the family's where the service knows the family, else the caller's
 * @param schoolUrns the schools it concerned: the family's where the service knows the family, else the school the
 *                   request named, else the caller's schools; empty for a trust leader's read across the trust
 * @param listed     for a list read, how many items it answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant at, String service, String route, List<String> parameters, int status, Caller by,
                         List<String> familyIds, String trustId, List<String> schoolUrns, Listed listed) {

    public AuditEntry {
        parameters = List.copyOf(parameters);
        familyIds = List.copyOf(familyIds);
        schoolUrns = List.copyOf(schoolUrns);
    }

    /**
     * Who made the request, as their token said.
     *
     * @param role           their role, such as {@code key-worker}
     * @param staffId        the member of staff's or partner worker's id (the token's subject)
     * @param trustId        their trust; null for a partner
     * @param organisationId their partner organisation; null for staff
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Caller(String role, String staffId, String trustId, String organisationId) {
    }

    /**
     * What a list read answered.
     *
     * @param count      the items on the page answered
     * @param totalItems every item the request found, where the answer says
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listed(Integer count, Long totalItems) {
    }
}
