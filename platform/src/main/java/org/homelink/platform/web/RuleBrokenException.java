package org.homelink.platform.web;

/**
 * A command that is well formed but breaks a rule of the domain: answered with 422, naming the field at fault.
 * Aggregates throw specific subclasses (a barrier already resolved, a carer unknown to the family, ...).
 */
public class RuleBrokenException extends RuntimeException {

    private final String field;

    public RuleBrokenException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request field that breaks the rule, or null when no single field does. */
    public String field() {
        return field;
    }
}
