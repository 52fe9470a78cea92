package org.homelink.engagement.messages.web;

import org.homelink.engagement.testing.Api;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafting a message through the API, for tests that go on to send it. */
final class Drafts {

    static final String MESSAGES = "/api/engagement/messages";

    private Drafts() {
    }

    /** Drafts a message with these texts; answers its path. */
    static String draft(Api api, HttpHeaders who, String school, String kind, List<Map<String, String>> texts) {
        ResponseEntity<String> created = api.post(MESSAGES, Map.of("schoolUrns", List.of(school), "kind", kind,
                                                                   "fallbackLanguage", "en", "texts", texts), who);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getHeaders().getLocation().getPath();
    }

    static Map<String, String> text(String language, String subject, String body) {
        return Map.of("language", language, "subject", subject, "body", body);
    }

    /** The message's id from its path. */
    static String id(String messagePath) {
        return messagePath.substring(messagePath.lastIndexOf('/') + 1);
    }
}
