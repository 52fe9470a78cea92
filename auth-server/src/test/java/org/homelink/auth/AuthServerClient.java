package org.homelink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to a running auth server over real HTTP as a browser and the gateway would: keeps cookies, follows no
 * redirect by itself (a test follows them, and stops at the one back to the gateway), posts forms, and checks the
 * tokens it gets against the server's published keys.
 */
final class AuthServerClient {

    static final String GATEWAY = "homelink-gateway";
    static final String GATEWAY_SECRET = "homelink-gateway-demo-secret";
    static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/homelink";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final HttpClient browser = HttpClient.newBuilder()
                                                 .cookieHandler(new CookieManager())
                                                 .followRedirects(HttpClient.Redirect.NEVER)
                                                 .connectTimeout(Duration.ofSeconds(5))
                                                 .build();
    private final ObjectMapper json = new ObjectMapper();

    AuthServerClient(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    /** A GET as a browser sends it, asking for HTML. */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, "text/html");
    }

    /** A GET as an application sends it, asking for JSON. */
    HttpResponse<String> getJson(String url) throws IOException, InterruptedException {
        return get(url, "application/json");
    }

    private HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(absolute(url))).header("Accept", accept).build(),
                            HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String url, Map<String, String> form, String basicUser, String basicSecret)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url)))
                                                 .header("Content-Type", "application/x-www-form-urlencoded")
                                                 .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (basicUser != null) {
            String credentials = basicUser + ":" + basicSecret;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** A client credentials token request. */
    HttpResponse<String> clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        return postForm("/oauth2/token", Map.of("grant_type", "client_credentials"), clientId, secret);
    }

    /** The login form's answer to this user and password: the redirect it sends the browser on to. */
    HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)),
                        null, null);
    }

    /**
     * The whole sign-in of a person through the gateway's client: the authorization request with PKCE, the login
     * form, the redirect back with a code, and the code exchanged for tokens.
     */
    JsonNode signIn(String username, String password, String nonce) throws IOException, InterruptedException {
        Pkce pkce = Pkce.create();
        String state = random();
        HttpResponse<String> toLogin = get(authorizeUrl(pkce, state, nonce));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");

        HttpResponse<String> loggedIn = logIn(username, password);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(location(loggedIn)).as("back to the authorization request").contains("/oauth2/authorize");

        HttpResponse<String> back = get(location(loggedIn));
        assertThat(back.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(back));
        assertThat(callback.toString()).startsWith(REDIRECT_URI);
        Map<String, String> answer = query(callback);
        assertThat(answer).containsEntry("state", state).containsKey("code");

        HttpResponse<String> tokens = exchange(answer.get("code"), pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json(tokens);
    }

    String authorizeUrl(Pkce pkce, String state, String nonce) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", GATEWAY);
        parameters.put("scope", "openid profile");
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        if (pkce != null) {
            parameters.put("code_challenge", pkce.challenge());
            parameters.put("code_challenge_method", "S256");
        }
        return "/oauth2/authorize?" + encode(parameters);
    }

    HttpResponse<String> exchange(String code, String verifier) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return postForm("/oauth2/token", form, GATEWAY, GATEWAY_SECRET);
    }

    HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
        return postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                        GATEWAY, GATEWAY_SECRET);
    }

    /** The token, once its signature verifies against the server's published keys and its issuer is this one. */
    Jwt verified(String token, String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder.decode(token);
    }

    static String location(HttpResponse<?> response) {
        Optional<String> location = response.headers().firstValue("Location");
        assertThat(location).as("a redirect").isPresent();
        return location.get();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        return parameters;
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String absolute(String url) {
        return url.startsWith("http") ? url : base + url;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                   .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                           + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                   .collect(Collectors.joining("&"));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** A PKCE verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {

        static Pkce create() {
            String verifier = random();
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
