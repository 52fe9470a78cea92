package org.homelink.engagement.messages.channels;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A carer's number as a provider wants it, E.164, from the ways people write UK numbers: {@code 07700 900123},
 * {@code +44 (0)7700 900123}, {@code 0044 7700 900123}. Only a number that can take a text comes back: a UK
 * landline, a premium or personal number cannot, and a text to one would be charged and lost.
 */
final class MobileNumbers {

    /** Mobiles are 071-075 and 077-079; 07624 is the Isle of Man's. 070 (personal) and 076 (pagers) are not. */
    private static final Pattern UK_MOBILE = Pattern.compile("\\+447(?:[1-57-9]\\d{8}|624\\d{6})");
    /** Abroad: any number in E.164 form; whether it is a mobile is for that country's networks to say. */
    private static final Pattern ABROAD = Pattern.compile("\\+(?!44)[1-9]\\d{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    private MobileNumbers() {
    }

    static Optional<String> e164(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(written.strip().replace("(0)", "")).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        } else if (number.startsWith("0")) {
            number = "+44" + number.substring(1);
        } else if (number.startsWith("44")) {
            number = "+" + number;
        }
        return UK_MOBILE.matcher(number).matches() || ABROAD.matcher(number).matches()
                ? Optional.of(number) : Optional.empty();
    }
}
