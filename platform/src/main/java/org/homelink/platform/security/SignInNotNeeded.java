package org.homelink.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that answers without a token because something else stands in for sign-in: a carer's personal link, a
 * provider's signed webhook, or data that is public by nature (the Open Referral directory). Its path must also be
 * one of the service's {@code homelink.security.public-paths}, or the token check refuses it first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignInNotNeeded {

    /** What stands in for sign-in. */
    String value();
}
