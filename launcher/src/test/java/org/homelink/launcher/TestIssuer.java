package org.homelink.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An identity provider for the tests of the local run: it signs tokens with any claims a test needs (a trust made up
 * for the test, an organisation the test just registered), and publishes its key at {@code <issuer>/oauth2/jwks}
 * and its discovery document, where the services and the gateway find them as they would the auth server's. The run trusts it when started with
 * {@link #environment()}; every token check is the real one.
 */
final class TestIssuer implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;

    TestIssuer() throws IOException {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-issuer").keyUse(KeyUse.SIGNATURE)
                                           .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> answer(exchange, keys));
        server.start();
        // The gateway finds the keys through the discovery document, as it would at any provider.
        byte[] discovery = ("{\"issuer\": \"" + uri() + "\", \"jwks_uri\": \"" + uri() + "/oauth2/jwks\","
                + " \"authorization_endpoint\": \"" + uri() + "/oauth2/authorize\","
                + " \"token_endpoint\": \"" + uri() + "/oauth2/token\", \"response_types_supported\": [\"code\"],"
                + " \"subject_types_supported\": [\"public\"], \"id_token_signing_alg_values_supported\": [\"RS256\"]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
    }

    private static void answer(HttpExchange exchange, byte[] json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(json);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the run is started with so that every application trusts this issuer's tokens. */
    Map<String, String> environment() {
        return Map.of("HOMELINK_ISSUER_URI", uri());
    }

    /** A member of staff of {@code trust} in {@code role} ({@code key-worker}, ...) at {@code schools}. */
    String staff(String trust, String role, String staffId, String... schools) {
        JWTClaimsSet.Builder claims = claims(staffId).claim("homelink_role", role).claim("homelink_trust", trust);
        if (schools.length > 0) {
            claims.claim("homelink_schools", List.of(schools));
        }
        return sign(claims);
    }

    /** A worker of a partner organisation. */
    String partner(String organisation, String workerId) {
        return sign(claims(workerId).claim("homelink_role", "partner").claim("homelink_organisation", organisation));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(uri()).subject(subject).issueTime(Date.from(now))
                                         .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                                      claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
