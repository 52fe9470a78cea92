package org.homelink.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homelink.platform.web.ForbiddenException;
import org.homelink.platform.web.MissingRequestContextException;
import org.homelink.platform.web.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/**
 * Lets a caller reach one of Homelink's endpoints only with a permission of their role that the endpoint names
 * ({@link Allowed}), or when the endpoint needs no sign-in ({@link SignInNotNeeded}). Spring's and springdoc's own
 * endpoints are left to their own rules.
 */
class PermissionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isHomelinks(method)) {
            return true;
        }
        if (EndpointAnnotations.find(method, SignInNotNeeded.class) != null) {
            return true;
        }
        Allowed allowed = EndpointAnnotations.find(method, Allowed.class);
        if (allowed == null) {
            // Fails closed: an endpoint nobody said who may use is refused, and the omission is loud in the log.
            log.error("{} names no permission; refused", method.getShortLogMessage());
            throw new ForbiddenException("This endpoint is not open to any role");
        }
        RequestContext caller = Callers.current().orElseThrow(
                () -> new MissingRequestContextException(HttpHeaders.AUTHORIZATION, "must carry a bearer token"));
        if (Arrays.stream(allowed.value()).noneMatch(permission -> permission.grantedTo(caller.role()))) {
            throw new ForbiddenException("The role " + caller.role().claimValue() + " may not "
                                         + allowed.value()[0].what());
        }
        return true;
    }

    private static boolean isHomelinks(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("org.homelink.");
    }
}
