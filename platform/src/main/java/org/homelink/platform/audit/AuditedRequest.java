package org.homelink.platform.audit;

import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.util.List;

/**
 * A request to record, as the service saw it; the {@link AuditTrail} files it under the family's trust and schools
 * when the service knows the family.
 *
 * @param at            when it was answered
 * @param route         method and route pattern
 * @param parameters    the names of the query parameters given
 * @param status        the HTTP status answered
 * @param caller        who asked
 * @param familyIds     the families it named
 * @param requestSchool the school the request named, or null
 * @param listed        for a list read, what it answered; else null
 */
public record AuditedRequest(Instant at, String route, List<String> parameters, int status, RequestContext caller,
                             List<String> familyIds, String requestSchool, AuditEntry.Listed listed) {

    public AuditedRequest {
        parameters = List.copyOf(parameters);
        familyIds = List.copyOf(familyIds);
    }
}
