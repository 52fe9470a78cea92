package org.homelink.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loader's token request, against a token endpoint that reads client_secret_basic credentials as the auth
 * server does (Spring Authorization Server's converter): Base64, split at the first ':', each half form-decoded.
 */
class SignInTest {

    private HttpServer tokenEndpoint;
    private String expectedSecret;

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenEndpoint.createContext("/oauth2/token", this::token);
        tokenEndpoint.start();
    }

    @AfterEach
    void stopTokenEndpoint() {
        tokenEndpoint.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain-secret_1", "openssl+base64/secret==", "per%cent", "with:colon and space"})
    void sendsTheDemoLoadersSecretSoTheAuthServerReadsItBack(String secret) throws Exception {
        expectedSecret = secret;
        SignIn signIn = new SignIn("http://localhost:9000", "gateway-secret", secret, "http://localhost:8080",
                                   Path.of("signing-key.json"));

        String token = signIn.demoLoaderToken(URI.create("http://localhost:" + tokenEndpoint.getAddress().getPort()));

        assertThat(token).isEqualTo("token-for-the-demo-loader");
    }

    private void token(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String[] credentials = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                                          StandardCharsets.UTF_8).split(":", 2);
        boolean known = URLDecoder.decode(credentials[0], StandardCharsets.UTF_8).equals(SignIn.DEMO_LOADER)
                && URLDecoder.decode(credentials[1], StandardCharsets.UTF_8).equals(expectedSecret);
        byte[] body = (known ? "{\"access_token\":\"token-for-the-demo-loader\",\"token_type\":\"Bearer\"}"
                : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(known ? 200 : 401, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
