package org.homelink.platform.web;

/**
 * A request that was sound when sent but lost a race: someone else took the last place, the slot, the id. Answered
 * with 409, naming the field, so the caller knows that choosing again (not resending) is the way on.
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request field whose value was taken. */
    public String field() {
        return field;
    }
}
