package org.homelink.platform.web;

/**
 * Nothing the caller may see exists here: answered with 404. Also thrown for what exists but lies outside the
 * caller's trust or schools, so that a caller cannot learn of another school's families by probing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
