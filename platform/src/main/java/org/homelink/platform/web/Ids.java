package org.homelink.platform.web;

/**
 * What ids in requests look like, for the services' validation annotations: one definition, so that every API
 * accepts and refuses the same ids with the same words.
 */
public final class Ids {

    /** An id given by a service or a client: letters, digits, dot, underscore or hyphen, 1 to 64. */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";
    public static final String ID_MESSAGE = "must be an id of letters, digits, dot, underscore or hyphen";
    /** A school's DfE unique reference number. */
    public static final String URN = "\\d{6}";
    public static final String URN_MESSAGE = "must be a DfE URN of six digits";

    private Ids() {
    }
}
