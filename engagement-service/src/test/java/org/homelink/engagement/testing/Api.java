package org.homelink.engagement.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls to the service's API as a client sends them: JSON bodies, the headers given, the answer as text. */
public final class Api {

    private final TestRestTemplate http;

    public Api(TestRestTemplate http) {
        this.http = http;
    }

    public ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    public ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        return exchange(HttpMethod.POST, path, body, headers);
    }

    public ResponseEntity<String> put(String path, Object body, HttpHeaders headers) {
        return exchange(HttpMethod.PUT, path, body, headers);
    }

    public ResponseEntity<String> exchange(HttpMethod method, String path, Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
