package org.homelink.platform.security;

import org.homelink.platform.web.RequestContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the request being handled on this thread, once their token has been checked. */
public final class Callers {

    private Callers() {
    }

    public static Optional<RequestContext> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? Optional.of(caller.context()) : Optional.empty();
    }
}
