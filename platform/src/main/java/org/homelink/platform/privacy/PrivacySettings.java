package org.homelink.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How personal data in the event log is encrypted.
 *
 * @param keyCacheFor  how long a process keeps a family's key before reading it again: the longest a process that had
 *                     the key goes on decrypting the family's events after another process erased it
 * @param keyCacheSize how many families' keys a process keeps at most
 */
@ConfigurationProperties("homelink.privacy")
public record PrivacySettings(@DefaultValue("30s") Duration keyCacheFor, @DefaultValue("100000") long keyCacheSize) {
}
