package org.homelink.auth;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The applications that may ask for tokens, from the settings, as Spring Authorization Server registers them, with
 * the claims of those that act for themselves.
 */
final class ConfiguredClients {

    private final RegisteredClientRepository repository;
    private final Map<String, AuthSettings.Client> byClientId = new LinkedHashMap<>();

    ConfiguredClients(AuthSettings settings, PasswordEncoder passwords) {
        List<RegisteredClient> registered = settings.clients().stream()
                                                    .map(client -> registered(client, settings, passwords))
                                                    .toList();
        settings.clients().forEach(client -> byClientId.put(client.clientId(), client));
        repository = new InMemoryRegisteredClientRepository(registered);
    }

    RegisteredClientRepository repository() {
        return repository;
    }

    Optional<AuthSettings.Client> find(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    private static RegisteredClient registered(AuthSettings.Client client, AuthSettings settings,
                                               PasswordEncoder passwords) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(Secrets.stored(client.secret(), passwords))
                .clientAuthenticationMethods(methods -> {
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                })
                .authorizationGrantTypes(grants -> client.grantTypes()
                                                         .forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                                              // Every client that signs people in proves its code (PKCE): a code
                                              // caught on its way back is worth nothing to anyone else.
                                              .requireProofKey(true)
                                              // Homelink's own front door: nothing to consent to.
                                              .requireAuthorizationConsent(false)
                                              .build())
                .tokenSettings(TokenSettings.builder()
                                            .accessTokenTimeToLive(settings.accessTokenLifetime())
                                            .refreshTokenTimeToLive(settings.refreshTokenLifetime())
                                            // A refresh token is spent once used: a stolen one that is used
                                            // shows, because the next refresh by its owner fails.
                                            .reuseRefreshTokens(false)
                                            .build())
                .build();
    }
}
