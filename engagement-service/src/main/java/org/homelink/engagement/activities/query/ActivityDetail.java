package org.homelink.engagement.activities.query;

import java.util.List;
import java.util.Map;

/**
 * An activity with the figures staff plan by: how many are coming, what would help others come, and which carers
 * need an interpreter in a language none is booked for.
 *
 * @param placesLeft          places left for a yes, or null for no limit
 * @param attendedByOccurrence for each occurrence's number, how many families came
 * @param wouldHelp           how many families said each thing would help them come
 * @param interpreterNeeded   for each language, how many invited carers need an interpreter none is booked for
 */
public record ActivityDetail(ActivityView activity, int invited, int yes, int no, int maybe, int noAnswer,
                             int waitlisted, Integer placesLeft, Map<Integer, Integer> attendedByOccurrence,
                             Map<String, Integer> wouldHelp, Map<String, Integer> interpreterNeeded) {

    /** One family's invitation with its name and its carers' names, for the staff list. */
    public record InvitedFamily(String familyId, String familyName, List<Carer> carers, InvitationView invitation) {
    }

    /**
     * A carer invited, how the invitation reaches them, and whether an interpreter is booked for their language.
     *
     * @param byStaff true when a member of staff is to tell them in person or by phone rather than in writing
     */
    public record Carer(String carerId, String name, String channel, String language, boolean needsInterpreter,
                        boolean interpreterBooked, boolean byStaff) {
    }

    /**
     * Something a carer is to be told about the activity, by their channel and in their language.
     *
     * @param about      {@code INVITATION}, {@code RESCHEDULED} or {@code CANCELLED}
     * @param occurrence the occurrence it is about, or null for the whole activity
     */
    public record Notice(String familyId, String carerId, String channel, String language, boolean byStaff,
                         String about, Integer occurrence, java.time.Instant at, String reason) {
    }
}
