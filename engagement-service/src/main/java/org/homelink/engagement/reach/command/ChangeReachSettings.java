package org.homelink.engagement.reach.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;

/** Sets when a family of the school counts as underserved; the first change creates the school's settings. */
public record ChangeReachSettings(@TargetAggregateIdentifier String settingsId, String schoolUrn,
                                  int weeksWithoutTwoWayContact, int invitationsWithoutAttendance,
                                  RequestContext actor, Instant at) {

    /** The settings' id: prefixed, because aggregate ids share one key space in the event log. */
    public static String idOf(String schoolUrn) {
        return "reach-settings-" + schoolUrn;
    }
}
