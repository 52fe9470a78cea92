package org.homelink.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.lang.reflect.Type;

/**
 * For endpoints that say how they concern families ({@link AuditsFamilies}): notes the family a request's body or
 * its answer names, and how many items a list answered, for the {@link AuditInterceptor} to record. Bodies are
 * looked at as they pass, never read again.
 */
@ControllerAdvice
final class AuditedBodies extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(AuditedBodies.class);

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        AuditsFamilies audits = parameter.getMethodAnnotation(AuditsFamilies.class);
        return audits != null && audits.value() == AuditsFamilies.Shape.ONE;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        try {
            AnswerContents.familyIds(body).forEach(FamilyAudit::concerns);
        } catch (RuntimeException e) {
            unreadable(body, e);
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
        try {
            if (audits.value() == AuditsFamilies.Shape.LIST) {
                AuditEntry.Listed listed = AnswerContents.listed(body, audits.items());
                if (listed != null) {
                    servlet.getServletRequest().setAttribute(AuditInterceptor.LISTED, listed);
                }
            } else {
                // After the body's family, if it named one: the answer may name it again, which is recorded once.
                AnswerContents.familyIds(body).forEach(FamilyAudit::concerns);
            }
        } catch (RuntimeException e) {
            unreadable(body, e);
        }
        return body;
    }

    /** Noting what a body says must never cost the caller their answer: the request is still recorded, less this. */
    private static void unreadable(Object body, RuntimeException e) {
        log.warn("The audit trail could not read a {} ({})", body.getClass().getName(), e.getClass().getName());
    }
}
