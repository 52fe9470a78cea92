package org.homelink.engagement.messages.channels;

/**
 * How many texts a message is sent as, which is what a provider charges. A text in the GSM 7-bit alphabet holds 160
 * characters, or 153 in each part of a longer one; a single character outside it (most scripts other than Latin:
 * Arabic, Urdu, Bengali, Chinese; and emoji) sends the whole text as UCS-2, 70 characters, or 67 a part.
 */
final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                                            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Each takes two of the 160: an escape and itself. */
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    static int count(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return parts(septets, 160, 153);
        }
        // UTF-16 code units are UCS-2's: an emoji outside the basic plane takes two.
        return parts(text.length(), 70, 67);
    }

    private static int parts(int length, int single, int perPart) {
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }
}
