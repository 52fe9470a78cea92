package org.homelink.platform.security;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.Annotation;

/**
 * Finds {@link Allowed} or {@link SignInNotNeeded} for an endpoint as the permission check does: on the method, else
 * on its controller. The API docs and the services' endpoint tests read them through here too, so that what they show
 * and check is what is enforced.
 */
public final class EndpointAnnotations {

    private EndpointAnnotations() {
    }

    /** The annotation on the handler's method, else on its controller; null when neither has it. */
    public static <A extends Annotation> A find(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }
}
