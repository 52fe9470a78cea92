package org.homelink.platform.retention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.List;

/** The retention schedule, in every service that declares a {@link RetentionRule}. */
@AutoConfiguration
@ConditionalOnBean(RetentionRule.class)
@EnableScheduling
public class RetentionAutoConfiguration {

    @Bean
    public RetentionSchedule retentionSchedule(List<RetentionRule> rules, ObjectProvider<Clock> clock) {
        return new RetentionSchedule(rules, clock.getIfAvailable(Clock::systemUTC));
    }
}
