package org.homelink.family.trust.web;

import org.homelink.platform.web.RuleBrokenException;

/** A trust id is registered once. */
class TrustAlreadyRegistered extends RuleBrokenException {

    TrustAlreadyRegistered(String trustId) {
        super("trustId", "Trust " + trustId + " is already registered");
    }
}
