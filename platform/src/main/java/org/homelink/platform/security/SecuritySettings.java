package org.homelink.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.util.List;

/**
 * How a service checks callers' tokens. Everything an identity provider names differently is a setting, so the
 * embedded authorization server, Keycloak, Microsoft Entra ID or Google work by configuration alone.
 *
 * @param issuerUri         the {@code iss} every token must carry
 * @param jwkSetUri         where the issuer publishes its signing keys; the issuer's {@code /oauth2/jwks} when unset
 * @param publicKeyLocation an RSA public key (PEM) to verify tokens with instead of fetching keys, for an issuer
 *                          whose key is pinned
 * @param claims            which claims carry Homelink's request context
 * @param publicPaths       paths under {@code /api/} this service answers without a token (personal links, signed
 *                          webhooks); each such handler says so with {@link SignInNotNeeded}
 */
@ConfigurationProperties("homelink.security")
public record SecuritySettings(@DefaultValue("http://localhost:9000") String issuerUri,
                               String jwkSetUri,
                               Resource publicKeyLocation,
                               @DefaultValue ClaimNames claims,
                               @DefaultValue List<String> publicPaths) {

    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        return issuerUri.replaceAll("/+$", "") + "/oauth2/jwks";
    }

    /** The names of the claims Homelink reads; an identity provider's own names can be set instead. */
    public record ClaimNames(@DefaultValue("homelink_role") String role,
                             @DefaultValue("homelink_trust") String trust,
                             @DefaultValue("homelink_schools") String schools,
                             @DefaultValue("homelink_organisation") String organisation) {
    }
}
