package org.homelink.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The security headers' values that a deployment may change.
 *
 * @param hsts                  {@code Strict-Transport-Security}, sent only on answers to HTTPS requests; empty
 *                              sends none
 * @param contentSecurityPolicy {@code Content-Security-Policy}: the gateway serves only the Swagger UI, whose scripts
 *                              and styles are its own
 * @param permissionsPolicy     {@code Permissions-Policy}: the browser features no page of Homelink needs
 */
@ConfigurationProperties("homelink.gateway.headers")
record SecurityHeaderSettings(String hsts, String contentSecurityPolicy, String permissionsPolicy) {

    SecurityHeaderSettings {
        if (contentSecurityPolicy == null || contentSecurityPolicy.isBlank()) {
            throw new IllegalArgumentException("homelink.gateway.headers.content-security-policy must be set");
        }
        if (permissionsPolicy == null || permissionsPolicy.isBlank()) {
            throw new IllegalArgumentException("homelink.gateway.headers.permissions-policy must be set");
        }
        hsts = hsts == null ? "" : hsts.strip();
    }
}
