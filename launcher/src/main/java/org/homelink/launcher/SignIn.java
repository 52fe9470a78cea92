package org.homelink.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the applications of one run must agree on for signing in: the issuer every service and the gateway trust,
 * which is the auth server the launcher starts unless HOMELINK_ISSUER_URI names another address for it; the
 * gateway's client secret, known to the gateway and the auth server; and the demo loader's secret, known to the auth
 * server and the launcher alone. The secrets are made afresh for each run unless the environment sets them, so the
 * local run has no fixed secret anyone could look up.
 */
final class SignIn {

    static final String ISSUER = "HOMELINK_ISSUER_URI";
    static final String GATEWAY_SECRET = "HOMELINK_GATEWAY_CLIENT_SECRET";
    static final String DEMO_LOADER_SECRET = "HOMELINK_DEMO_LOADER_SECRET";
    static final String GATEWAY_URL = "HOMELINK_GATEWAY_URL";
    static final String DEMO_LOADER = "homelink-demo-loader";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final String gatewaySecret;
    private final String demoLoaderSecret;
    private final String gatewayUrl;
    private final Path signingKey;

    SignIn(String issuer, String gatewaySecret, String demoLoaderSecret, String gatewayUrl, Path signingKey) {
        this.issuer = issuer;
        this.gatewaySecret = gatewaySecret;
        this.demoLoaderSecret = demoLoaderSecret;
        this.gatewayUrl = gatewayUrl;
        this.signingKey = signingKey;
    }

    /**
     * @param authServerPort the port the auth server is configured to listen on
     * @param gatewayPort    the port the gateway is configured to listen on: people come back to it once signed in
     * @param dataDir        the run's data folder, where the auth server keeps its signing key
     */
    static SignIn forRun(int authServerPort, int gatewayPort, Path dataDir) {
        return new SignIn(environment(ISSUER, "http://localhost:" + authServerPort),
                          environment(GATEWAY_SECRET, secret()),
                          environment(DEMO_LOADER_SECRET, secret()),
                          environment(GATEWAY_URL, "http://localhost:" + gatewayPort),
                          dataDir.resolve("auth-server").resolve("signing-key.json").toAbsolutePath().normalize());
    }

    String issuer() {
        return issuer;
    }

    /** Every application checks tokens against the one issuer. */
    List<String> everyApplication() {
        return List.of(argument(ISSUER, issuer));
    }

    List<String> gateway() {
        return List.of(argument(GATEWAY_SECRET, gatewaySecret));
    }

    List<String> authServer() {
        List<String> arguments = new ArrayList<>();
        arguments.add(argument(GATEWAY_SECRET, gatewaySecret));
        arguments.add(argument(DEMO_LOADER_SECRET, demoLoaderSecret));
        arguments.add(argument(GATEWAY_URL, gatewayUrl));
        arguments.add(argument("homelink.auth.signing-key", signingKey.toString()));
        return arguments;
    }

    /**
     * An access token of the demo loader, a trust leader of the demo trust, by client credentials from the auth
     * server at {@code authServer}: what the demo data is loaded with, through the gateway, as a trust's own system
     * would send it.
     */
    String demoLoaderToken(URI authServer) throws IOException, InterruptedException {
        // Form-encoded before Base64, as RFC 6749 (2.3.1) says and the auth server decodes: a secret of one's own,
        // from HOMELINK_DEMO_LOADER_SECRET, may hold '+', '%' or ':'.
        String credentials = Base64.getEncoder().encodeToString(
                (formEncoded(DEMO_LOADER) + ":" + formEncoded(demoLoaderSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(authServer.resolve("/oauth2/token"))
                                         .timeout(Duration.ofSeconds(10))
                                         .header("Authorization", "Basic " + credentials)
                                         .header("Content-Type", "application/x-www-form-urlencoded")
                                         .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                         .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(response.body());
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IllegalStateException("the auth server gave the demo loader no token (" + response.statusCode()
                    + " " + body.path("error").asText("") + ")");
        }
        return body.get("access_token").asText();
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A command-line argument: it wins over the application's own settings, which read the same name. */
    private static String argument(String name, String value) {
        return "--" + name + "=" + value;
    }

    private static String environment(String variable, String otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
