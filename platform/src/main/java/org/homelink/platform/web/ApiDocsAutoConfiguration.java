package org.homelink.platform.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every service's OpenAPI description shows the headers the conventions read: the request context (not the
 * context's fields as query parameters, which is what springdoc would make of the parameter), {@code If-Match}
 * where a command takes an expected version, and {@code Idempotency-Key} on every POST.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
public class ApiDocsAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestContext.class, ExpectedVersion.class);
    }

    private static final List<Parameter> CONTEXT = List.of(
            header(RequestContextHeaders.TRUST, false, "The trust the caller acts for (required except for partners)"),
            header(RequestContextHeaders.SCHOOLS, false,
                   "The URNs of the schools the caller acts for, separated by commas (optional for trust leaders)"),
            header(RequestContextHeaders.ROLE, true,
                   "trust-leader, school-leader, key-worker, teacher, attendance-officer, office-staff or partner"),
            header(RequestContextHeaders.STAFF, true, "The caller's staff id"),
            header(RequestContextHeaders.ORGANISATION, false,
                   "The partner organisation a partner's worker acts for (required for partners)"));

    @Bean
    OperationCustomizer conventionHeaders() {
        return (operation, handler) -> {
            if (declares(handler.getMethodParameters(), RequestContext.class)) {
                CONTEXT.forEach(operation::addParametersItem);
            }
            if (declares(handler.getMethodParameters(), ExpectedVersion.class)) {
                operation.addParametersItem(header("If-Match", false,
                                                   "The ETag last read: the change applies only to that version"));
            }
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(header(IdempotencyFilter.HEADER, false,
                                                   "Makes a retry safe: the same key and body answer the first "
                                                   + "result again, with no second change"));
            }
            return operation;
        };
    }

    private static boolean declares(MethodParameter[] parameters, Class<?> type) {
        return Stream.of(parameters).anyMatch(parameter -> parameter.getParameterType().equals(type));
    }

    private static Parameter header(String name, boolean required, String description) {
        return new HeaderParameter().name(name).required(required).description(description)
                                    .schema(new StringSchema());
    }
}
