package org.homelink.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.Set;

/**
 * Spring Authorization Server as Homelink signs people in: OpenID Connect, the login form, users and clients from
 * {@link AuthSettings}, tokens signed with the {@link SigningKey} and carrying Homelink's claims.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class AuthServerConfiguration {

    /** The protocol's endpoints: authorize, token, keys, discovery, user info, logout. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
            .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            // The user info endpoint takes the access token it issued.
            .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
            // A browser that is not signed in yet is sent to the login form; anything else is told 401.
            .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
        return http.build();
    }

    /** The login form, and the health and metrics anyone may read; nothing else. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                     "/actuator/prometheus", "/error").permitAll()
                    .anyRequest().authenticated())
            .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ConfiguredUsers users(AuthSettings settings, PasswordEncoder passwords) {
        return new ConfiguredUsers(settings.users(), passwords);
    }

    @Bean
    ConfiguredClients clients(AuthSettings settings, PasswordEncoder passwords) {
        return new ConfiguredClients(settings, passwords);
    }

    @Bean
    RegisteredClientRepository registeredClients(ConfiguredClients clients) {
        return clients.repository();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> homelinkClaims(ConfiguredUsers users, ConfiguredClients clients,
                                                             AuthSettings settings) {
        return new HomelinkTokenClaims(users, clients, settings.accessTokenLifetime());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(AuthSettings settings) {
        RSAKey key = settings.signingKey() == null ? SigningKey.generate() : SigningKey.inFile(settings.signingKey());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    /** A fixed issuer: tokens name the same one whatever address a request came to. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthSettings settings) {
        AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
        if (settings.issuer() != null && !settings.issuer().isBlank()) {
            builder.issuer(settings.issuer());
        }
        return builder.build();
    }

    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
