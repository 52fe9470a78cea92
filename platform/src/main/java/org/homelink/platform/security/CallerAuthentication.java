package org.homelink.platform.security;

import org.homelink.platform.web.RequestContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/** A verified token and the request context its claims give: who the caller is, for which trust, schools or organisation. */
public final class CallerAuthentication extends JwtAuthenticationToken {

    private final transient RequestContext context;

    CallerAuthentication(Jwt jwt, RequestContext context) {
        super(jwt, List.of(), context.staffId());
        this.context = context;
    }

    public RequestContext context() {
        return context;
    }
}
