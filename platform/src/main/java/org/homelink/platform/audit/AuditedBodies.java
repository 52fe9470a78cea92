package org.homelink.platform.audit;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * For endpoints that say how they concern families ({@link AuditsFamilies}): notes the family a request's body or
 * its answer names, and how many items a list answered, for the {@link AuditInterceptor} to record. Bodies are
 * looked at as they pass, never read again.
 */
@ControllerAdvice
final class AuditedBodies extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        AuditsFamilies audits = parameter.getMethodAnnotation(AuditsFamilies.class);
        return audits != null && audits.value() == AuditsFamilies.Shape.ONE;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            noteFamilies(request, AnswerContents.familyIds(body));
        }
        return body;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.hasMethodAnnotation(AuditsFamilies.class);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        AuditsFamilies audits = returnType.getMethodAnnotation(AuditsFamilies.class);
        if (audits.value() == AuditsFamilies.Shape.LIST) {
            AuditEntry.Listed listed = AnswerContents.listed(body);
            if (listed != null) {
                servlet.getServletRequest().setAttribute(AuditInterceptor.LISTED, listed);
            }
        } else {
            List<String> named = AnswerContents.familyIds(body);
            if (!named.isEmpty()) {
                // The body's family first: the answer may name it again.
                List<String> all = new ArrayList<>();
                if (servlet.getServletRequest().getAttribute(AuditInterceptor.FAMILIES) instanceof Collection<?> fromBody) {
                    fromBody.forEach(id -> all.add(String.valueOf(id)));
                }
                all.addAll(named);
                servlet.getServletRequest().setAttribute(AuditInterceptor.FAMILIES, all);
            }
        }
        return body;
    }

    private static void noteFamilies(RequestAttributes request, List<String> familyIds) {
        if (!familyIds.isEmpty()) {
            request.setAttribute(AuditInterceptor.FAMILIES, List.copyOf(familyIds), RequestAttributes.SCOPE_REQUEST);
        }
    }
}
