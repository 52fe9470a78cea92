package org.homelink.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Settings every Homelink service needs, at the lowest precedence so a service or an operator can still override
 * them. Kept here so no service can forget one.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final Map<String, Object> DEFAULTS = Map.of(
            // Axon Server is not used: the event store is MongoDB.
            "axon.axonserver.enabled", "false",
            "axon.update-check.disabled", "true",
            // XStream cannot read records on Java 17; events are records.
            "axon.serializer.general", "jackson",
            "axon.serializer.events", "jackson",
            "axon.serializer.messages", "jackson",
            // The embedded server logs every connection at INFO: noise in a service's own log.
            "logging.level.de.bwaldvogel", "WARN",
            // Spring's own errors (unknown path, wrong method) as problem+json too.
            "spring.mvc.problemdetails.enabled", "true",
            // Health (with the mongo check's details), build info and metrics; nothing else of actuator.
            "management.endpoints.web.exposure.include", "health, info, prometheus",
            "management.endpoint.health.show-details", "always",
            // The identity provider whose tokens the services trust: the embedded one unless a trust's is set.
            "homelink.security.issuer-uri", "${HOMELINK_ISSUER_URI:http://localhost:9000}");

    /** Axon reads this one as a system property only; it advertises a product Homelink does not use. */
    private static final String AXONIQ_CONSOLE_MESSAGE = "disable-axoniq-console-message";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("homelinkPlatformDefaults", DEFAULTS));
        if (System.getProperty(AXONIQ_CONSOLE_MESSAGE) == null) {
            System.setProperty(AXONIQ_CONSOLE_MESSAGE, "true");
        }
    }
}
