package org.homelink.platform.security;

import org.springframework.security.core.AuthenticationException;

/** A token that verifies but does not soundly say whom it acts for: answered with 401 naming the claim. */
public class InvalidCallerClaimException extends AuthenticationException {

    private final String claim;

    public InvalidCallerClaimException(String claim, String problem) {
        super(claim + " " + problem);
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
