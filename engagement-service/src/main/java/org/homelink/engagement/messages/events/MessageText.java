package org.homelink.engagement.messages.events;

/**
 * A message's text in one language, as a person wrote it: never machine-translated.
 *
 * @param language BCP 47, in its usual case
 */
public record MessageText(String language, String subject, String body) {

    /** Never the text itself: logs carry ids only. */
    @Override
    public String toString() {
        return "MessageText[" + language + "]";
    }
}
