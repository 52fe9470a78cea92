package org.homelink.platform.web;

/** A command names a school the caller does not act for: 422 on the field {@code schoolUrn}. */
public class NotYourSchool extends RuleBrokenException {

    public NotYourSchool(String schoolUrn) {
        this("schoolUrn", schoolUrn);
    }

    /** @param field the request's own name for the school, so that the answer names what the caller sent */
    public NotYourSchool(String field, String schoolUrn) {
        super(field, "You do not act for school " + schoolUrn);
    }
}
