package org.homelink.engagement.messages.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.homelink.engagement.messages.delivery.DeliveryReports;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.platform.security.SignInNotNeeded;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.MissingRequestContextException;
import org.homelink.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SMS provider's delivery receipts. A provider has no staff sign-in, so no handler takes a
 * {@code RequestContext}: the signature of the body with the shared secret is the credential, checked before the
 * body is read. Off (404) until {@code homelink.engagement.messages.sms.webhook-secret} is set.
 * <p>
 * A reference that names no copy is answered 404: only a provider that holds the secret gets that far, and the
 * likeliest cause is a callback URL pointing at the wrong installation, which the provider's own log of failed
 * callbacks then shows. The copy of a family since erased answers the same, which is right: there is nothing left
 * to record.
 */
@RestController
@RequestMapping("/api/engagement/messages/receipts")
@ConditionalOnSetting("homelink.engagement.messages.sms.webhook-secret")
@Tag(name = "Messages: delivery receipts", description = "For the SMS provider: signed with the shared secret, "
                                                         + "no staff sign-in")
@SignInNotNeeded("the provider's HMAC signature of the body")
class SmsReceiptsController {

    private static final Logger log = LoggerFactory.getLogger(SmsReceiptsController.class);

    /** What a receipt's status means here; a provider's stages before delivery change nothing already recorded. */
    private static final Map<String, DeliveryState> OUTCOMES = Map.of(
            "delivered", DeliveryState.DELIVERED,
            "failed", DeliveryState.FAILED,
            "undelivered", DeliveryState.FAILED,
            "rejected", DeliveryState.FAILED,
            "expired", DeliveryState.FAILED);
    private static final Set<String> STAGES = Set.of("accepted", "queued", "scheduled", "sending", "sent",
                                                     "buffered");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** A provider's reason may quote the number it failed to reach; what is recorded is never personal data. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ()-]{5,}\\d");
    private static final int LONGEST_DETAIL = 200;
    private static final int LARGEST_RECEIPT = 16 * 1024;

    private final DeliveryReports reports;
    private final ReceiptSignature signature;
    private final ObjectMapper json;
    private final Clock clock;

    SmsReceiptsController(DeliveryReports reports, SmsSettings settings, ObjectMapper json, Clock clock) {
        this.reports = reports;
        this.signature = new ReceiptSignature(settings.webhookSecret());
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/sms")
    @Operation(summary = "A delivery receipt for a text",
               description = "Body: {\"reference\": the delivery id the text was sent with, \"status\": delivered, "
                             + "failed, undelivered, rejected or expired (accepted, queued, scheduled, sending, "
                             + "sent and buffered are taken and change nothing), \"error\": the provider's reason, "
                             + "optional, \"at\": ISO-8601 instant, optional}. 204 recorded or taken; 401 unsigned "
                             + "or badly signed; 404 no text was sent with this reference.",
               requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                       mediaType = "application/json", schema = @Schema(type = "object"))))
    ResponseEntity<Void> sms(@Parameter(description = "sha256=<hex of HMAC-SHA256 of the raw body with the secret>")
                             @RequestHeader(name = ReceiptSignature.HEADER, required = false) String signed,
                             HttpServletRequest request) throws IOException {
        // Anyone may call this path, so no more is read than a receipt can need before the signature is checked.
        byte[] body = request.getInputStream().readNBytes(LARGEST_RECEIPT + 1);
        if (body.length > LARGEST_RECEIPT) {
            throw invalid("body", "is larger than a receipt can be: at most " + LARGEST_RECEIPT + " bytes");
        }
        if (!signature.verifies(body, signed)) {
            throw new MissingRequestContextException(ReceiptSignature.HEADER, "is missing or does not match the body");
        }
        Receipt receipt = read(body);
        Optional<DeliveryState> outcome = receipt.outcome();
        if (outcome.isPresent() && !reports.report(receipt.reference(), outcome.get(), receipt.detail(),
                                                   receipt.at())) {
            throw new NotFoundException("No text was sent with this reference");
        }
        // A trust's message is tens of thousands of texts, each with several receipts: the steps are in the log
        // of events already, so this is for looking into one provider's traffic only.
        log.debug("SMS receipt for {}: {}", receipt.reference(), receipt.status());
        return ResponseEntity.noContent().build();
    }

    private record Receipt(String reference, String status, String detail, Instant at) {

        Optional<DeliveryState> outcome() {
            return Optional.ofNullable(OUTCOMES.get(status));
        }
    }

    private Receipt read(byte[] body) {
        JsonNode receipt;
        try {
            receipt = json.readTree(body);
        } catch (IOException e) {
            receipt = null;
        }
        if (receipt == null || !receipt.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        String reference = text(receipt, "reference");
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw invalid("reference", "must be the reference the text was sent with");
        }
        String status = text(receipt, "status");
        status = status == null ? null : status.toLowerCase(Locale.ROOT);
        if (status == null || !(OUTCOMES.containsKey(status) || STAGES.contains(status))) {
            throw invalid("status", "must be one of " + String.join(", ", OUTCOMES.keySet()) + ", or a stage "
                                    + "before them");
        }
        // Some providers give their error as a number.
        JsonNode error = receipt.get("error");
        String reason = error != null && error.isValueNode() && !error.isNull() ? error.asText() : null;
        return new Receipt(reference, status, detail(reason), at(receipt.get("at")));
    }

    private Instant at(JsonNode at) {
        if (at == null || at.isNull()) {
            return clock.instant();
        }
        try {
            if (at.isTextual()) {
                return Instant.parse(at.asText());
            }
        } catch (DateTimeParseException e) {
            // Answered below, as for a time that is not text at all.
        }
        throw invalid("at", "must be an ISO-8601 instant, such as 2026-03-02T09:30:00Z");
    }

    private static String detail(String error) {
        if (error == null || error.isBlank()) {
            return null;
        }
        String detail = NUMBER.matcher(error.strip()).replaceAll("(number)");
        return detail.length() > LONGEST_DETAIL ? detail.substring(0, LONGEST_DETAIL) : detail;
    }

    private static String text(JsonNode receipt, String field) {
        JsonNode value = receipt.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static InvalidFieldsException invalid(String field, String detail) {
        return new InvalidFieldsException(List.of(new FieldProblem(field, detail)));
    }
}
