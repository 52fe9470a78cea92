package org.homelink.contracts.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This record component holds a family's id: the family whose key encrypts the {@link PersonalData} components of
 * this record and of the records nested in it, unless a nested record names its own subject. An event about several
 * families (a message to many, a file of register marks) has no subject of its own: each family's part is a nested
 * record with its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DataSubject {
}
