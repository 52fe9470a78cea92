package org.homelink.engagement.messages.delivery;

/**
 * One carer's copy of a message, ready for a channel.
 *
 * @param deliveryId the copy's id: channels pass it to their provider as the reference receipts come back with
 * @param messageId  the message it is a copy of
 * @param schoolUrn  the school it is from (a channel may sign it, or pick a sender, by school)
 * @param address    where it goes: an email address, a phone number in E.164, or for the app the carer's id
 * @param language   the language of {@code subject} and {@code body} (BCP 47)
 * @param subject    the subject line (email, the feed's title); SMS does not use it
 * @param body       the text, plain
 */
public record Outgoing(String deliveryId, String messageId, String schoolUrn, String address, String language,
                       String subject, String body) {

    /** Never the address or the text: logs carry ids only. */
    @Override
    public String toString() {
        return "Outgoing[" + deliveryId + " of " + messageId + "]";
    }
}
