package org.homelink.engagement.testing;

import org.springframework.http.HttpHeaders;

/** The request context headers the gateway passes on, for a member of staff in a role at some schools. */
public final class Staff {

    private Staff() {
    }

    public static HttpHeaders at(String trustId, String role, String staffId, String... schools) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Homelink-Trust", trustId);
        if (schools.length > 0) {
            headers.set("X-Homelink-Schools", String.join(",", schools));
        }
        headers.set("X-Homelink-Role", role);
        headers.set("X-Homelink-Staff", staffId);
        return headers;
    }
}
