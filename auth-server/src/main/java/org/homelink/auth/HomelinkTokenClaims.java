package org.homelink.auth;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.time.Duration;
import java.time.Instant;

/**
 * Puts Homelink's claims into every access token and ID token: a signed-in person's from their user's settings, a
 * system's from its client's. {@code sub} is the person's id (not the name they type to sign in), or the client id.
 */
final class HomelinkTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final ConfiguredUsers users;
    private final ConfiguredClients clients;
    private final Duration lifetime;

    /** @param lifetime an access token's: an ID token, which carries the same claims, lasts no longer */
    HomelinkTokenClaims(ConfiguredUsers users, ConfiguredClients clients, Duration lifetime) {
        this.users = users;
        this.clients = clients;
        this.lifetime = lifetime;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && !ID_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String subject;
        HomelinkClaims claims;
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String clientId = context.getRegisteredClient().getClientId();
            claims = clients.find(clientId).orElseThrow(() -> refused("the client is no longer configured")).claims();
            subject = clientId;
        } else {
            // Only configured users can sign in; were one missing, no token without claims would be issued for them.
            AuthSettings.User user = users.find(context.getPrincipal().getName())
                                          .orElseThrow(() -> refused("the user is no longer configured"));
            claims = user.claims();
            subject = user.id();
        }
        context.getClaims().subject(subject).claims(existing -> existing.putAll(claims.asTokenClaims()));
        if (ID_TOKEN.equals(context.getTokenType())) {
            // Spring Authorization Server gives ID tokens a fixed half hour.
            context.getClaims().claims(existing -> existing.put(
                    JwtClaimNames.EXP, ((Instant) existing.get(JwtClaimNames.IAT)).plus(lifetime)));
        }
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, why, null));
    }
}
