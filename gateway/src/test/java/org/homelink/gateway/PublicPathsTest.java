package org.homelink.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** The one list both the gateway's sign-in rules and the request log read. */
class PublicPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/engagement/v3/api-docs", "/api/engagement/voice/Zm9y/answer",
            "/api/engagement/agreement-links/QWdy", "/api/engagement/messages/receipts/sms"})
    void asksNoSignInOf(String path) {
        assertThat(PublicPaths.isPublicApi(PathContainer.parsePath(path))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/engagement/messages", "/api/engagement/messages/42", "/api/engagement/voicemail/1",
            "/api/engagement/agreements/7", "/api/engagement/messages/receipts/../../surveys/1",
            "/api/engagement/agreement-links/%2E%2E/%2E%2E/families/1"})
    void asksASignInOf(String path) {
        assertThat(PublicPaths.isPublicApi(PathContainer.parsePath(path))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/engagement/voice/Zm9y                     | /api/engagement/voice/{link}",
            "/api/engagement/voice/Zm9y/answer              | /api/engagement/voice/{link}/answer",
            "/api/engagement/agreement-links/QWdy           | /api/engagement/agreement-links/{link}",
            "/api/engagement/agreement-links/QWdy/sign/     | /api/engagement/agreement-links/{link}/sign/",
            "/api/engagement/agreement-links;v=1/QWdy       | /api/engagement/agreement-links;v=1/{link}",
            "/api//engagement/voice/Zm9y                    | /api/engagement/voice/{link}",
            "/api/engagement/%61greement-links/QWdy         | /api/engagement/%61greement-links/{link}",
            "/api/engagement/voice/                         | /api/engagement/voice/",
            "/api/engagement/messages/receipts/sms          | /api/engagement/messages/receipts/sms",
            "/api/families/17/carers                        | /api/families/17/carers"})
    void logsAPathWithoutThePersonalLinkItCarries(String path, String logged) {
        assertThat(PublicPaths.loggable(PathContainer.parsePath(path))).isEqualTo(logged);
    }
}
