package org.homelink.platform.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails the test class if any of the given personal data (the names, addresses, phone numbers, notes its tests send)
 * appears in anything written to standard output or error while the class ran: the services' logs, at the level
 * they log at in production, included. Case does not matter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PersonalDataWatch.class)
public @interface NoPersonalDataInLogs {

    String[] value();
}
