package org.homelink.engagement.messages.channels;

import com.jayway.jsonpath.JsonPath;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The receipts webhook as a provider, or someone pretending to be one, calls it: no staff headers, the body signed
 * or not. Whatever is refused records nothing.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "homelink.engagement.messages.sms.webhook-secret="
                                                             + SmsReceiptsApiTest.SECRET)
@ActiveProfiles("test")
@Import(RecordingDeliveryReports.InTheService.class)
class SmsReceiptsApiTest {

    static final String SECRET = "shared-secret-of-the-receipts-test";
    private static final String PATH = "/api/engagement/messages/receipts/sms";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private RecordingDeliveryReports reports;

    @Test
    void recordsAFailureWithTheProvidersReasonButNeverTheNumberItQuotes() {
        reports.sent("delivery-r1");
        String receipt = """
                {"reference": "delivery-r1", "status": "FAILED", "error": "30003: +44 7700 900131 unreachable",
                 "at": "2026-03-02T10:00:00Z"}""";

        ResponseEntity<String> answer = post(receipt, signed(receipt));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reports.reportsOn("delivery-r1")).containsExactly(new RecordingDeliveryReports.Report(
                "delivery-r1", DeliveryState.FAILED, "30003: (number) unreachable",
                Instant.parse("2026-03-02T10:00:00Z")));
    }

    @Test
    void keepsAnErrorCodeGivenAsANumber() {
        reports.sent("delivery-r7");
        String receipt = "{\"reference\": \"delivery-r7\", \"status\": \"undelivered\", \"error\": 30005}";

        assertThat(post(receipt, signed(receipt)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reports.reportsOn("delivery-r7")).extracting(RecordingDeliveryReports.Report::detail)
                                                   .containsExactly("30005");
    }

    @Test
    void aReceiptWithoutATimeIsRecordedAsOfNow() {
        reports.sent("delivery-r2");
        String receipt = "{\"reference\": \"delivery-r2\", \"status\": \"delivered\"}";
        Instant before = Instant.now();

        assertThat(post(receipt, signed(receipt)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(reports.reportsOn("delivery-r2")).singleElement()
                .satisfies(report -> assertThat(report.at()).isBetween(before, Instant.now()));
    }

    @Test
    void takesAStageBeforeDeliveryAndRecordsNothing() {
        reports.sent("delivery-r3");
        String receipt = "{\"reference\": \"delivery-r3\", \"status\": \"sent\"}";

        assertThat(post(receipt, signed(receipt)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reports.reportsOn("delivery-r3")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unsigned          | ",
            "another secret    | sha256=4f0c0e2ad0e5b0b2d9b1c8c9d6a5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7",
            "not hex           | sha256=not-hex-at-all",
            "no algorithm      | PLACEHOLDER_UNPREFIXED",
            "another body      | PLACEHOLDER_OTHER_BODY"})
    void refusesAReceiptNotSignedWithTheSecretAndRecordsNothing(String why, String signature) {
        reports.sent("delivery-r4");
        String receipt = "{\"reference\": \"delivery-r4\", \"status\": \"delivered\"}";
        if ("PLACEHOLDER_UNPREFIXED".equals(signature)) {
            signature = signed(receipt).substring("sha256=".length());
        } else if ("PLACEHOLDER_OTHER_BODY".equals(signature)) {
            signature = signed(receipt.replace("delivered", "failed"));
        }

        ResponseEntity<String> answer = post(receipt, signature);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) JsonPath.read(answer.getBody(), "$.field")).isEqualTo("X-Homelink-Signature");
        assertThat(reports.reportsOn("delivery-r4")).isEmpty();
    }

    @Test
    void aReferenceWithNoCopyIsNotFound() {
        String receipt = "{\"reference\": \"delivery-never\", \"status\": \"delivered\"}";

        ResponseEntity<String> answer = post(receipt, signed(receipt));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON            | body      | delivered at last",
            "an array            | body      | []",
            "no reference        | reference | {\"status\": \"delivered\"}",
            "a reference not an id | reference | {\"reference\": \"<script>\", \"status\": \"delivered\"}",
            "no status           | status    | {\"reference\": \"delivery-r5\"}",
            "an unknown status   | status    | {\"reference\": \"delivery-r5\", \"status\": \"lost\"}",
            "a time that is not  | at        | {\"reference\": \"delivery-r5\", \"status\": \"delivered\", \"at\": \"yesterday\"}",
            "a time as a number  | at        | {\"reference\": \"delivery-r5\", \"status\": \"delivered\", \"at\": 1772443800}"})
    void answersABadReceiptWith400NamingTheFieldAndRecordsNothing(String why, String field, String receipt) {
        reports.sent("delivery-r5");

        ResponseEntity<String> answer = post(receipt, signed(receipt));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(answer.getBody(), "$.field")).isEqualTo(field);
        assertThat(reports.reportsOn("delivery-r5")).isEmpty();
    }

    @Test
    void readsNoMoreThanAReceiptCanNeed() {
        reports.sent("delivery-r6");
        String receipt = "{\"reference\": \"delivery-r6\", \"status\": \"delivered\", \"error\": \""
                         + "x".repeat(20_000) + "\"}";

        ResponseEntity<String> answer = post(receipt, signed(receipt));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(answer.getBody(), "$.field")).isEqualTo("body");
        assertThat(reports.reportsOn("delivery-r6")).isEmpty();
    }

    @Test
    void isInTheApiDocsWithItsSignatureHeader() {
        String docs = http.getForObject("/api/engagement/v3/api-docs", String.class);

        assertThat((List<String>) JsonPath.read(
                docs, "$.paths['" + PATH + "'].post.parameters[*].name")).contains("X-Homelink-Signature");
        assertThat((Object) JsonPath.read(docs, "$.paths['" + PATH + "'].post.requestBody")).isNotNull();
    }

    private ResponseEntity<String> post(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-Homelink-Signature", signature);
        }
        return http.exchange(PATH, HttpMethod.POST, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                             String.class);
    }

    private static String signed(String body) {
        return StandInSmsProvider.signature(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }
}
