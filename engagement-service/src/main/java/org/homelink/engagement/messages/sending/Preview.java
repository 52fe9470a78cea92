package org.homelink.engagement.messages.sending;

import java.util.List;
import java.util.Map;

/**
 * What sending a message to an audience would do, or did: the same figures before and after.
 *
 * @param families        families the audience matched
 * @param withoutCarers   families matched with no carer on record, who get nothing
 * @param copies          copies, one per carer
 * @param byRoute         copies by route: EMAIL, SMS, APP, STAFF
 * @param byLanguage      copies by the language of the text they get
 * @param withoutText     carers whose language the message has no text in: they get the fallback
 * @param staffTasks      copies a member of staff gives in person or by phone
 * @param heldForDigest   copies that wait for the digest the family (or carer) asked for
 * @param overWeeklyLimit copies that wait for the digest because the family has had the week's limit
 */
public record Preview(int families, List<String> withoutCarers, int copies, Map<String, Integer> byRoute,
                      Map<String, Integer> byLanguage, List<CarerWithoutText> withoutText, int staffTasks,
                      int heldForDigest, int overWeeklyLimit) {

    /** A carer whose language has no text of the message. */
    public record CarerWithoutText(String familyId, String carerId, String language) {
    }
}
