package org.homelink.engagement.messages.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The SMS provider: one HTTP endpoint that takes a text as JSON, and a webhook it calls back with receipts.
 *
 * @param url            where texts are POSTed; SMS is off while it is not set
 * @param apiKey         sent as a bearer token
 * @param sender         the sender id or number texts come from
 * @param callbackUrl    this service's receipts webhook as the provider reaches it (through the gateway)
 * @param webhookSecret  the key the provider signs receipts with; the webhook is off while it is not set
 * @param connectTimeout how long to wait for the provider to take the connection
 * @param readTimeout    how long to wait for its answer
 * @param maxSegments    the most segments one text may take; a longer text is refused rather than cut
 */
@ConfigurationProperties("homelink.engagement.messages.sms")
record SmsSettings(URI url, String apiKey, String sender, URI callbackUrl, String webhookSecret,
                   @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                   @DefaultValue("6") int maxSegments) {
}
