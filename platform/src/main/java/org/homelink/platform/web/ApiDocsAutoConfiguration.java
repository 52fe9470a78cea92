package org.homelink.platform.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.EndpointAnnotations;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every service's OpenAPI description shows what the conventions read: the bearer token and the roles an endpoint is
 * allowed for (never the request context's fields as query parameters, which is what springdoc would make of the
 * parameter), {@code If-Match}
 * where a command takes an expected version, and {@code Idempotency-Key} on every POST.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
public class ApiDocsAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestContext.class, ExpectedVersion.class);
    }

    static final String BEARER = "bearer";

    /** The scheme every signed-in endpoint names: an OpenID Connect access token, as a bearer JWT. */
    @Bean
    OpenApiCustomizer bearerScheme() {
        return api -> api.schemaRequirement(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token from the trust's identity provider (docs/security.md)"));
    }

    @Bean
    OperationCustomizer conventionHeaders() {
        return (operation, handler) -> {
            Allowed allowed = EndpointAnnotations.find(handler, Allowed.class);
            if (allowed != null) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                operation.setDescription(join(operation.getDescription(), "Allowed for: " + rolesOf(allowed) + "."));
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

    private static String rolesOf(Allowed allowed) {
        return Stream.of(allowed.value()).flatMap(permission -> permission.roles().stream()).distinct().sorted()
                     .map(Role::claimValue).collect(Collectors.joining(", "));
    }

    private static String join(String description, String more) {
        return description == null || description.isBlank() ? more : description + "\n\n" + more;
    }

    private static boolean declares(MethodParameter[] parameters, Class<?> type) {
        return Stream.of(parameters).anyMatch(parameter -> parameter.getParameterType().equals(type));
    }

    private static Parameter header(String name, boolean required, String description) {
        return new HeaderParameter().name(name).required(required).description(description)
                                    .schema(new StringSchema());
    }
}
