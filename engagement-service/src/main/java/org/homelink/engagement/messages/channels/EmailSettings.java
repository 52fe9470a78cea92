package org.homelink.engagement.messages.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Who messages by email are from. The SMTP server itself, its timeouts and sign-in are Spring's {@code spring.mail.*}.
 *
 * @param from     the sender's address when a school has none of its own; required once email is on
 * @param fromName the name shown beside it
 * @param schools  a school's own sender, by its URN, for a school that sends from its own domain
 */
@ConfigurationProperties("homelink.engagement.messages.email")
record EmailSettings(String from, String fromName, Map<String, Sender> schools) {

    /** @param name shown beside the address; the default sender's name when empty */
    record Sender(String address, String name) {
    }

    EmailSettings {
        schools = schools == null ? Map.of() : Map.copyOf(schools);
    }

    Sender senderFor(String schoolUrn) {
        Sender own = schools.get(schoolUrn);
        if (own != null && own.address() != null && !own.address().isBlank()) {
            return new Sender(own.address(), own.name() == null || own.name().isBlank() ? fromName : own.name());
        }
        return new Sender(from, fromName);
    }
}
