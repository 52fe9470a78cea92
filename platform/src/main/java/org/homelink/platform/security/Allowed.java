package org.homelink.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permissions that let a caller use an endpoint: any one of them will do. On a method, or on a controller for
 * all its methods that say nothing themselves. An endpoint that names none, and is not {@link SignInNotNeeded}, is
 * refused to everyone: forgetting fails closed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

    Permission[] value();
}
