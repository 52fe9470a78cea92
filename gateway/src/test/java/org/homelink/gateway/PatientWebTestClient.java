package org.homelink.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The tests' client waits up to 30 seconds for an answer rather than 5: a build machine busy with other builds may
 * be slow to answer the first request of a context, which also reads the issuer's keys. Tests that time the gateway
 * assert their own, tighter bounds.
 */
@TestConfiguration(proxyBeanMethods = false)
class PatientWebTestClient {

    @Bean
    WebTestClientBuilderCustomizer patientResponseTimeout() {
        return builder -> builder.responseTimeout(Duration.ofSeconds(30));
    }
}
