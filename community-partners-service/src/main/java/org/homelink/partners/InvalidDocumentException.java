package org.homelink.partners;

import java.util.List;

/**
 * A document sent to the service (an Open Referral UK organisation or service, or a whole feed) that is not valid:
 * answered with 400, naming every field at fault. Details say what is wrong, never the value sent.
 */
public class InvalidDocumentException extends RuntimeException {

    /**
     * @param field  the field, as a path from the document's root: {@code schedules[0].opens_at}
     * @param detail what is wrong with it
     */
    public record FieldError(String field, String detail) {
    }

    private final transient List<FieldError> errors;

    public InvalidDocumentException(List<FieldError> errors) {
        super(errors.size() + " fields are not valid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
