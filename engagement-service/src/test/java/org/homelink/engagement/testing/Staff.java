package org.homelink.engagement.testing;

import org.homelink.platform.testing.TestTokens;
import org.springframework.http.HttpHeaders;

/** A caller's bearer token, signed as the identity provider would: staff in a role at some schools, or a partner. */
public final class Staff {

    private Staff() {
    }

    public static HttpHeaders at(String trustId, String role, String staffId, String... schools) {
        return TestTokens.bearer(TestTokens.staff(trustId, role, staffId, schools));
    }

    public static HttpHeaders partner(String organisationId, String workerId) {
        return TestTokens.bearer(TestTokens.partner(organisationId, workerId));
    }
}
