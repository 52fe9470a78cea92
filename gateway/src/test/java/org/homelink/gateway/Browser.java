package org.homelink.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser, as far as signing in goes: it keeps cookies, and follows redirects only when told, so that a test sees
 * each step of the sign-in between the gateway and the stand-in issuer.
 */
final class Browser {

    private final String gateway;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    Browser(int gatewayPort) {
        this.gateway = "http://127.0.0.1:" + gatewayPort;
        this.http = HttpClient.newBuilder()
                              .cookieHandler(cookies)
                              .followRedirects(HttpClient.Redirect.NEVER)
                              .build();
    }

    /**
     * Signs in at the stand-in issuer as whoever it signs in, the way a browser does it: to the gateway's sign-in
     * start, to the issuer's authorization endpoint, back to the gateway with the code. Answers the gateway's last
     * redirect, after it has exchanged the code for tokens.
     */
    HttpResponse<String> signIn() {
        HttpResponse<String> start = get("/oauth2/authorization/" + IssuerClientRegistrations.REGISTRATION_ID);
        assertThat(start.statusCode()).as("the gateway sends the browser to the issuer").isEqualTo(302);
        String authorize = location(start);
        assertThat(authorize).startsWith(StandInIssuer.shared().issuer() + "/oauth2/authorize?")
                             .contains("code_challenge=", "code_challenge_method=S256", "scope=openid");
        HttpResponse<String> atIssuer = get(authorize);
        assertThat(atIssuer.statusCode()).as("the issuer hands out a code").isEqualTo(302);
        HttpResponse<String> back = get(location(atIssuer));
        assertThat(back.statusCode()).as("the gateway took the code and redirects").isEqualTo(302);
        return back;
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send("GET", pathOrUrl, null, headers);
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    HttpResponse<String> send(String method, String pathOrUrl, String json, String... headers) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : gateway + pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                                                 .method(method, json == null
                                                         ? HttpRequest.BodyPublishers.noBody()
                                                         : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                      .filter(cookie -> cookie.getName().equals(name))
                      .map(HttpCookie::getValue)
                      .findFirst();
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location in a " + response.statusCode() + " answer"));
    }
}
