package org.homelink.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * How the gateway signs people in: the OpenID Connect provider (the issuer, shared with the services), and the
 * gateway's own client at it.
 *
 * @param issuerUri            the provider's issuer; its discovery document says where everything else is
 * @param clientId             the gateway's client at the provider
 * @param clientSecret         that client's secret
 * @param scopes               what the gateway asks for: {@code openid} alone, since it needs the person's id and
 *                             nothing about them
 * @param successUrl           where a browser lands after signing in, when it was not sent to sign in from a page
 * @param postLogoutRedirectUri where the provider sends the browser after signing out; {@code {baseUrl}} is the
 *                             gateway's own address. The provider must know it for the client
 */
@ConfigurationProperties("homelink.gateway.sign-in")
record SignInSettings(String issuerUri, String clientId, String clientSecret, List<String> scopes, String successUrl,
                      String postLogoutRedirectUri) {

    SignInSettings {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("homelink.security.issuer-uri (HOMELINK_ISSUER_URI) must be set");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("homelink.gateway.sign-in.client-id must be set");
        }
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid") : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("homelink.gateway.sign-in.scopes must include openid");
        }
    }
}
