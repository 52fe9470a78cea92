package org.homelink.platform.web;

import java.util.List;

/**
 * Input that is not valid in ways the validation annotations cannot say (a whole document checked against a schema,
 * say): answered as every invalid request is, 400 problem+json with the first field in {@code field} and every one in
 * {@code errors}. Details say what is wrong, never the value sent.
 */
public class InvalidFieldsException extends RuntimeException {

    /**
     * @param field  the field, as a path from the body's root: {@code schedules[0].opens_at}
     * @param detail what is wrong with it
     */
    public record FieldProblem(String field, String detail) {
    }

    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(problems.size() + " fields are not valid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
