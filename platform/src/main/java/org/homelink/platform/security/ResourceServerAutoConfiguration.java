package org.homelink.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;

/**
 * Every service is an OAuth2 resource server: it checks each caller's token itself (signature, issuer, expiry) and
 * reads whom the caller acts for from its claims, so the gateway is not the only wall. Sessions are never kept: each
 * request stands on its own token.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                             OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
@EnableWebSecurity
public class ResourceServerAutoConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor());
    }

    @Bean
    SecurityFilterChain homelinkResourceServer(HttpSecurity http, SecuritySettings settings, JwtDecoder decoder,
                                               ObjectMapper json) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json);
        String[] publicPaths = settings.publicPaths().toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable())
            .logout(logout -> logout.disable())
            .authorizeHttpRequests(requests -> {
                if (publicPaths.length > 0) {
                    requests.requestMatchers(publicPaths).permitAll();
                }
                // The services' API docs, health and metrics are read without a token, as at the gateway.
                requests.requestMatchers("/api/*/v3/api-docs", "/api/*/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll();
            })
            .oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new TokenClaims(settings.claims())))
                    .authenticationEntryPoint(problems))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems));
        return http.build();
    }

    @Bean
    JwtDecoder homelinkJwtDecoder(SecuritySettings settings) {
        NimbusJwtDecoder decoder = settings.publicKeyLocation() != null
                ? NimbusJwtDecoder.withPublicKey(publicKey(settings)).build()
                // Keys are fetched on the first token, not at start-up: the issuer may start after the service.
                : NimbusJwtDecoder.withJwkSetUri(settings.effectiveJwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuerUri()));
        return decoder;
    }

    /** A {@code BEGIN PUBLIC KEY} PEM, or a certificate's, read as Spring Security reads one. */
    private static RSAPublicKey publicKey(SecuritySettings settings) {
        try (InputStream in = settings.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("homelink.security.public-key-location cannot be read", e);
        }
    }
}
