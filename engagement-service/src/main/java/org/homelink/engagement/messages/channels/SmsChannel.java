package org.homelink.engagement.messages.channels;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.homelink.engagement.messages.delivery.Channel;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.Handover;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.Optional;

/**
 * Texts through one HTTP provider: a JSON POST per text with the delivery id as the provider's reference, which its
 * receipts come back with. The provider's status says what came of it: 2xx took it; 429 and 5xx are "not now", as
 * are a timeout, a refused connection and a redirect; any other 4xx refused this text for good.
 */
public class SmsChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    /** What the provider is sent: a setting left unset (no sender, no callback) is left out, not sent as null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Text(String to, String from, String body, String reference, String statusCallback) {
    }

    private final RestClient provider;
    private final SmsSettings settings;

    SmsChannel(SmsSettings settings, RestClient.Builder builder) {
        this.settings = settings;
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                                      .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        RestClient.Builder configured = builder.clone().requestFactory(requests).baseUrl(settings.url().toString());
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            configured.defaultHeaders(headers -> headers.setBearerAuth(settings.apiKey()));
        }
        this.provider = configured.build();
    }

    @Override
    public DeliveryRoute route() {
        return DeliveryRoute.SMS;
    }

    @Override
    public Handover hand(Outgoing outgoing) {
        Optional<String> to = MobileNumbers.e164(outgoing.address());
        if (to.isEmpty()) {
            return new Handover.Undeliverable("not a mobile number");
        }
        String body = outgoing.body() == null ? "" : outgoing.body();
        int segments = SmsSegments.count(body);
        if (segments > settings.maxSegments()) {
            return new Handover.Undeliverable("too long for a text: " + segments + " parts, at most "
                                              + settings.maxSegments());
        }
        Text text = new Text(to.get(), settings.sender(), body, outgoing.deliveryId(),
                             settings.callbackUrl() == null ? null : settings.callbackUrl().toString());
        Handover handover;
        try {
            handover = provider.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                               .body(text)
                               .exchange((request, response) -> handoverFor(response.getStatusCode(),
                                                                            () -> response.bodyTo(JsonNode.class)));
        } catch (RestClientException | UncheckedIOException e) {
            // Timeouts and refused connections: the provider was not reached or did not answer in time.
            handover = new Handover.TryLater("provider not reached: " + rootCause(e).getClass().getSimpleName());
        }
        if (!(handover instanceof Handover.Accepted)) {
            log.info("Text {} not handed over: {}", outgoing.deliveryId(), handover);
        }
        return handover;
    }

    /** The provider's answer to {@link #handoverFor}, read only when it took the text. */
    private interface Answer {
        JsonNode read() throws IOException;
    }

    /**
     * A 401 or 403 says our key is wrong, not the carer's number: "not now", so that the texts wait, and go, once
     * the key is put right, rather than every one failing at once.
     */
    private static Handover handoverFor(HttpStatusCode status, Answer answer) throws IOException {
        if (status.is2xxSuccessful()) {
            return new Handover.Accepted(providerId(answer), false);
        }
        if (status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return new Handover.TryLater("provider answered " + status.value());
        }
        if (status.value() == HttpStatus.UNAUTHORIZED.value() || status.value() == HttpStatus.FORBIDDEN.value()) {
            log.warn("The SMS provider refused our credentials ({}): check homelink.engagement.messages.sms.api-key",
                     status.value());
            return new Handover.TryLater("provider refused our credentials: " + status.value());
        }
        if (status.is4xxClientError()) {
            return new Handover.Undeliverable("provider refused it: " + status.value());
        }
        // A redirect, not followed: the URL is ours to put right, as with the key.
        return new Handover.TryLater("provider answered " + status.value());
    }

    /** Its id for the text, kept for support; an answer without one, or not JSON, still means it took the text. */
    private static String providerId(Answer answer) {
        try {
            JsonNode body = answer.read();
            JsonNode id = body == null ? null : body.get("id");
            return id != null && id.isValueNode() ? id.asText() : null;
        } catch (IOException | RestClientException e) {
            return null;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
