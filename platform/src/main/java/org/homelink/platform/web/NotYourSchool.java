package org.homelink.platform.web;

/** A command names a school the caller does not act for: 422 on the field {@code schoolUrn}. */
public class NotYourSchool extends RuleBrokenException {

    public NotYourSchool(String schoolUrn) {
        super("schoolUrn", "You do not act for school " + schoolUrn);
    }
}
