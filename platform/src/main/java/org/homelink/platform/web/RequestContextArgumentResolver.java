package org.homelink.platform.web;

import org.homelink.platform.security.Callers;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method the {@link RequestContext} and the {@link ExpectedVersion} it declares as parameters. */
class RequestContextArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(RequestContext.class)
                || parameter.getParameterType().equals(ExpectedVersion.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType().equals(ExpectedVersion.class)) {
            return new ExpectedVersion(Versions.expected(request.getHeader(HttpHeaders.IF_MATCH)));
        }
        // Only reached on an endpoint that needs no sign-in yet asks who is calling: that is a programming error
        // shown to the caller as what it would be with a token missing.
        return Callers.current().orElseThrow(
                () -> new MissingRequestContextException(HttpHeaders.AUTHORIZATION, "must carry a bearer token"));
    }
}
