package org.homelink.platform.web;

import jakarta.servlet.http.HttpServletRequest;
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
        return RequestContextHeaders.read(request.getNativeRequest(HttpServletRequest.class));
    }
}
