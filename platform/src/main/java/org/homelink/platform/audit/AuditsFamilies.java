package org.homelink.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that reads or changes families' data without naming the family in its path. An endpoint whose path
 * (or query) has {@code familyId} is recorded in the audit trail without saying so; one with this annotation is
 * recorded as it says:
 * <ul>
 *     <li>{@link Shape#ONE}: one record of one family, found by its own id or created from the body. The family is
 *     the {@code familyId} (or {@code familyIds}) of the request's body, else of the answer.</li>
 *     <li>{@link Shape#LIST}: a list of families, or of their children, carers or messages. Recorded as a list read
 *     of the school the request names, with how many items it answered and the names of the query parameters it
 *     was given, never their values nor the families listed: a family's own trail would otherwise fill with every
 *     list that happened to include it.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditsFamilies {

    Shape value();

    /**
     * The path variable or query parameter that names the school the request concerns, when it is not one of
     * {@code schoolUrn} or {@code school}.
     */
    String school() default "";

    /** For a list, the property of the answer that holds its items, when the answer is not itself the list. */
    String items() default "items";

    enum Shape {
        /** One family's record, named by the body or the answer. */
        ONE,
        /** A list: recorded against the school with its count, not against each family. */
        LIST
    }
}
