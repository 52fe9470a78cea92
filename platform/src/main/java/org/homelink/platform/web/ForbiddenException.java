package org.homelink.platform.web;

/** The caller's role may not do this at all (as opposed to a record outside its schools, which is a 404). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
