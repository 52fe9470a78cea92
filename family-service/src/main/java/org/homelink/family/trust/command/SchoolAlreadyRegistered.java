package org.homelink.family.trust.command;

import org.homelink.platform.web.RuleBrokenException;

/** A URN is registered once within a trust. */
public class SchoolAlreadyRegistered extends RuleBrokenException {

    public SchoolAlreadyRegistered(String schoolUrn) {
        super("schoolUrn", "School " + schoolUrn + " is already registered in this trust");
    }
}
