package org.homelink.engagement.messages.channels;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On when the setting has a value that is not blank. Spring's {@code @ConditionalOnProperty} counts an empty value
 * as set, so an empty environment variable would turn a channel on and point it nowhere.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnSetting.Set.class)
@interface ConditionalOnSetting {

    /** The property's name. */
    String value();

    final class Set implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String name = (String) metadata.getAnnotationAttributes(ConditionalOnSetting.class.getName()).get("value");
            return StringUtils.hasText(context.getEnvironment().getProperty(name));
        }
    }
}
