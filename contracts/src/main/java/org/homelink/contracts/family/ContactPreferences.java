package org.homelink.contracts.family;

/**
 * How and when a carer wants the school to be in touch: what every invitation and message to them should follow.
 *
 * @param preferredChannel      the channel to use first; a channel that needs a phone number or an email address
 *                              is only ever set for a carer who has one
 * @param preferredLanguage     the language to use, as a BCP 47 tag such as {@code en}, {@code so}, {@code pl} or
 *                              {@code pa-Arab}
 * @param needsInterpreter      an interpreter should be arranged for meetings and calls
 * @param prefersSpokenContact  the carer would rather be spoken to than written to, whatever the channel
 * @param accessibilityNeeds    what the school should arrange for the carer to take part (step-free access, large
 *                              print, a quiet room...), in the school's words, or {@code null}
 * @param reachableWhen         when the carer can be reached, for example "works nights, best after 2pm", or
 *                              {@code null}
 */
public record ContactPreferences(ContactChannel preferredChannel, String preferredLanguage, boolean needsInterpreter,
                                 boolean prefersSpokenContact, String accessibilityNeeds, String reachableWhen) {
}
