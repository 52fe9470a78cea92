package org.homelink.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A small OpenID Connect provider on the JDK's HTTP server, enough for the gateway's real sign-in path: discovery,
 * its keys, the authorization endpoint (which signs in whoever it is told to, as a provider's login form would),
 * and the token endpoint for a code with its PKCE verifier and for a refresh token. It also mints bearer tokens for
 * tests, good and bad. Its tokens carry the claims of Homelink's contract.
 */
final class StandInIssuer {

    static final String CLIENT_ID = "homelink-gateway";
    static final String CLIENT_SECRET = "stand-in-secret";

    private static StandInIssuer shared;

    /** What the authorization endpoint handed out, until the gateway exchanges it. */
    private record PendingCode(String redirectUri, String challenge, String nonce, String subject) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final RSAKey key;
    private final RSAKey strangerKey;
    private final int port;
    private volatile HttpServer server;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> accessTokensIssued = new CopyOnWriteArrayList<>();
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(15);
    private volatile String signsIn = "staff-42";
    private volatile boolean refusesRefresh;

    private StandInIssuer(int port) {
        this.port = port;
        try {
            key = new RSAKeyGenerator(2048).keyID("stand-in-key").generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("stand-in-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One for every test class: the gateway finds its keys by its issuer, whichever context asks. */
    static synchronized StandInIssuer shared() {
        if (shared == null) {
            shared = new StandInIssuer(0).start();
        }
        return shared;
    }

    /** An issuer that will listen on this port once started, and until then is simply not there. */
    static StandInIssuer notYetStartedOn(int port) {
        return new StandInIssuer(port);
    }

    synchronized StandInIssuer start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "stand-in-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/oauth2/jwks", this::keys);
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/oauth2/token", this::token);
        server.start();
        return this;
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    String issuer() {
        HttpServer listening = server;
        return "http://127.0.0.1:" + (listening != null ? listening.getAddress().getPort() : port);
    }

    /** The next person the authorization endpoint signs in. */
    StandInIssuer signsIn(String subject) {
        this.signsIn = subject;
        return this;
    }

    /** How long the access tokens it issues from now on last. */
    StandInIssuer issuesAccessTokensFor(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
        return this;
    }

    /** Refuses every refresh token from now on, as a provider does once a person's sign-in has ended there. */
    StandInIssuer refusesRefresh(boolean refuses) {
        this.refusesRefresh = refuses;
        return this;
    }

    List<String> accessTokensIssued() {
        return List.copyOf(accessTokensIssued);
    }

    /** A good access token for a key worker at two schools of trust-7, as a system would send it. */
    String keyWorkerToken() {
        return accessToken("staff-42", Map.of("homelink_role", "key-worker", "homelink_trust", "trust-7",
                                              "homelink_schools", List.of("100001", "100002")),
                           Instant.now(), Duration.ofHours(1), key, issuer());
    }

    /** A good access token with these claims, for an hour. */
    String token(String subject, Map<String, Object> claims) {
        return accessToken(subject, claims, Instant.now(), Duration.ofHours(1), key, issuer());
    }

    /** Expired well beyond the few seconds of clock skew a validator allows. */
    String expiredToken(String subject) {
        return accessToken(subject, Map.of("homelink_role", "key-worker"), Instant.now().minus(Duration.ofHours(2)),
                           Duration.ofMinutes(15), key, issuer());
    }

    /** Claims the issuer's key id, but signed by another key. */
    String tokenSignedByAStranger(String subject) {
        return accessToken(subject, Map.of("homelink_role", "trust-leader"), Instant.now(), Duration.ofHours(1),
                           strangerKey, issuer());
    }

    /** Signed by the issuer's key, but naming another issuer. */
    String tokenFromAnotherIssuer(String subject) {
        return accessToken(subject, Map.of("homelink_role", "trust-leader"), Instant.now(), Duration.ofHours(1), key,
                           "https://elsewhere.example");
    }

    private String accessToken(String subject, Map<String, Object> claims, Instant issuedAt, Duration lifetime,
                               RSAKey signingKey, String issuer) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(CLIENT_ID)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", "openid");
        claims.forEach(builder::claim);
        return sign(builder.build(), signingKey);
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                                      claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/oauth2/authorize");
        document.put("token_endpoint", issuer() + "/oauth2/token");
        document.put("jwks_uri", issuer() + "/oauth2/jwks");
        document.put("end_session_endpoint", issuer() + "/connect/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        answer(exchange, 200, document);
    }

    private void keys(HttpExchange exchange) throws IOException {
        answer(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
    }

    /** Signs in {@link #signsIn} at once; a real provider would show its login form first. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            answer(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new PendingCode(query.get("redirect_uri"), query.get("code_challenge"), query.get("nonce"),
                                        signsIn));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> exchangeCode(exchange, form);
            case "refresh_token" -> refresh(exchange, form);
            default -> answer(exchange, 400, Map.of("error", "unsupported_grant_type"));
        }
    }

    private void exchangeCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        PendingCode pending = codes.remove(form.getOrDefault("code", ""));
        if (pending == null || !pending.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null
                || !pending.challenge().equals(challengeOf(form.get("code_verifier")))) {
            answer(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String refreshToken = UUID.randomUUID().toString();
        refreshTokens.put(refreshToken, pending.subject());
        Instant now = Instant.now();
        String idToken = sign(new JWTClaimsSet.Builder()
                                      .issuer(issuer())
                                      .subject(pending.subject())
                                      .audience(CLIENT_ID)
                                      .claim("azp", CLIENT_ID)
                                      .claim("nonce", pending.nonce())
                                      .issueTime(Date.from(now))
                                      .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                                      .build(), key);
        Map<String, Object> tokens = tokensFor(pending.subject(), refreshToken);
        tokens.put("id_token", idToken);
        answer(exchange, 200, tokens);
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        String subject = refreshTokens.get(form.getOrDefault("refresh_token", ""));
        if (subject == null || refusesRefresh) {
            answer(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        answer(exchange, 200, tokensFor(subject, form.get("refresh_token")));
    }

    private Map<String, Object> tokensFor(String subject, String refreshToken) {
        Duration lifetime = accessTokenLifetime;
        String accessToken = accessToken(subject, Map.of("homelink_role", "key-worker", "homelink_trust", "trust-7",
                                                         "homelink_schools", List.of("100001")),
                                         Instant.now(), lifetime, key, issuer());
        accessTokensIssued.add(accessToken);
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", accessToken);
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", lifetime.toSeconds());
        tokens.put("refresh_token", refreshToken);
        tokens.put("scope", "openid");
        return tokens;
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&"))
                     .map(pair -> pair.split("=", 2))
                     .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                                               pair -> pair.length > 1
                                                       ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                                               (first, second) -> first));
    }

    private void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
