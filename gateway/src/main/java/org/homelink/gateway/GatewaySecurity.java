package org.homelink.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Who may reach what through the gateway, and how they show who they are.
 * <ul>
 *     <li>People in a browser sign in at the OpenID Connect provider (authorization code with PKCE); the gateway
 *     keeps their tokens in their session and relays the access token to the services (the TokenRelay filter,
 *     which refreshes it when it has expired).</li>
 *     <li>Systems send {@code Authorization: Bearer <token>}; the gateway checks the signature against the issuer's
 *     keys, the issuer and the expiry, and passes the header on unchanged.</li>
 *     <li>{@code /api/**}, except its {@link PublicPaths}, needs one of the two; without it the answer is 401
 *     problem+json, never a redirect. Anything else the gateway does not serve openly sends a browser to sign
 *     in.</li>
 * </ul>
 * Each service checks the token again itself and decides what the caller may see.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SignInSettings.class, RateLimitSettings.class, BodyLimitSettings.class,
        SecurityHeaderSettings.class})
class GatewaySecurity {

    /** Served by the gateway to anyone: open data, the API docs and their UI, and what monitoring reads. */
    private static final String[] OPEN = {"/openreferral/**", "/swagger-ui.html", "/swagger-ui/**",
            "/v3/api-docs/**", "/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus"};

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
                                                       HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
                                                  ReactiveClientRegistrationRepository registrations,
                                                  WebSessionIdResolver sessionIds, SignInSettings signIn,
                                                  RateLimitSettings rateLimits, SecurityRefusals refusals,
                                                  ProblemWriter problems) {
        ServerAuthenticationEntryPoint notSignedIn = refusals.notSignedIn();
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**"), notSignedIn));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(
                "/oauth2/authorization/" + IssuerClientRegistrations.REGISTRATION_ID));

        OidcClientInitiatedServerLogoutSuccessHandler signedOut =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri(signIn.postLogoutRedirectUri());

        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN).permitAll()
                        .matchers(GatewaySecurity::publicApiPath).permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(
                                signIn.successUrl()))
                        .authenticationFailureHandler(refusals.signInFailed()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(notSignedIn)
                        .authenticationFailureHandler(refusals.bearerTokenRefused()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(refusals.csrfTokenMissing()))
                .csrf(csrf -> csrf
                        // An SPA reads the token from the XSRF-TOKEN cookie and sends it back in X-XSRF-TOKEN.
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(sessionRequestThatChanges(sessionIds))
                        .accessDeniedHandler(refusals.csrfTokenMissing()))
                .cors(Customizer.withDefaults())
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterBefore(rateLimit(rateLimits, problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(SignInSettings signIn) {
        return new IssuerClientRegistrations(signIn);
    }

    /** A person's tokens live in their session and go with it, not in a map that only grows. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * The gateway's CORS settings ({@code spring.cloud.gateway.server.webflux.globalcors}) for Spring Security too,
     * so that its own answers (a 401, a 429) reach a front-end on another origin readable, and preflights are
     * answered before sign-in is asked for.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GlobalCorsProperties gatewayCors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        gatewayCors.getCorsConfigurations().forEach(source::registerCorsConfiguration);
        return source;
    }

    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(SecurityRefusals refusals) {
        return refusals.pathRefused();
    }

    /**
     * CSRF matters only where a browser's cookie signs the request in: not for a bearer token, which a browser
     * never adds by itself; not without a session; and not on the public paths, where a link or a signature is
     * the credential, not a session.
     */
    private static ServerWebExchangeMatcher sessionRequestThatChanges(WebSessionIdResolver sessionIds) {
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            boolean protect = !SAFE.contains(request.getMethod())
                    && !hasBearerToken(request)
                    && !PublicPaths.isPublicApi(request.getPath().pathWithinApplication())
                    && !sessionIds.resolveSessionIds(exchange).isEmpty();
            return protect ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    private static boolean hasBearerToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The API paths that ask no sign-in (a personal link, a provider's webhook, the API docs). */
    private static Mono<ServerWebExchangeMatcher.MatchResult> publicApiPath(ServerWebExchange exchange) {
        return PublicPaths.isPublicApi(exchange.getRequest().getPath().pathWithinApplication())
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** The CSRF token is made only when asked for; asking on every request sets the cookie an SPA reads. */
    private static WebFilter csrfCookie() {
        return (exchange, chain) -> exchange.<Mono<CsrfToken>>getAttributeOrDefault(CsrfToken.class.getName(),
                                                                                    Mono.empty())
                                            .then(chain.filter(exchange));
    }

    private static RateLimitFilter rateLimit(RateLimitSettings settings, ProblemWriter problems) {
        return new RateLimitFilter(new TokenBuckets(settings.clients(), settings.maxBuckets(), System::nanoTime),
                                   new TokenBuckets(settings.anonymous(), settings.maxBuckets(), System::nanoTime),
                                   problems);
    }
}
