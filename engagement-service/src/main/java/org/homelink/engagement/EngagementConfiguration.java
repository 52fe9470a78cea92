package org.homelink.engagement;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.homelink.platform.web.ConflictException;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The engagement API's OpenAPI title, and a command gateway that retries a lost race on an aggregate's version. */
@Configuration(proxyBeanMethods = false)
class EngagementConfiguration {

    @Bean
    OpenAPI engagementApi() {
        return new OpenAPI().info(new Info().title("Homelink engagement").version("1")
                                            .description("Engagement activities, invitations, answers and "
                                                         + "attendance; the contact log; reach, the families the "
                                                         + "school underserves, and caseloads."));
    }

    /**
     * Two instances may each load an activity at one version and append to it at once: the event log lets one in
     * and refuses the other with a concurrency exception, which is transient. Retrying sends the command again on
     * the activity as it now is, so that the second carer to book a slot is told it is taken rather than "try
     * again", and two staff checking families in at a busy coffee morning both succeed. A stale If-Match is not
     * transient, and is never retried; nor is a broken rule, a conflict or a record not found, which are answers
     * that asking again would only repeat.
     */
    @Bean(destroyMethod = "")
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries) {
        IntervalRetryScheduler retries = IntervalRetryScheduler.builder()
                                                               .retryExecutor(commandRetries)
                                                               .maxRetryCount(5)
                                                               .retryInterval(20)
                                                               .addNonTransientFailurePredicate(
                                                                       RuleBrokenException.class, rule -> true)
                                                               .addNonTransientFailurePredicate(
                                                                       ConflictException.class, conflict -> true)
                                                               .addNonTransientFailurePredicate(
                                                                       NotFoundException.class, notFound -> true)
                                                               .build();
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(retries)
                                    .build();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retries");
            thread.setDaemon(true);
            return thread;
        });
    }
}
