package org.homelink.engagement;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
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
     * and refuses the other with a concurrency exception. Retrying sends the command again on the activity as it now
     * is, so that the second carer to book a slot is told it is taken rather than "try again", and two staff
     * checking families in at a busy coffee morning both succeed. Nothing else is asked again: a broken rule, a
     * conflict, a refusal or a record not found are answers that asking again would only repeat, a stale If-Match
     * stays stale, and a bug or a store that is down is better answered at once than five times slower.
     */
    @Bean(destroyMethod = "")
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(new LostRaceRetries(commandRetries))
                                    .build();
    }

    /**
     * Judges the failure itself and not its causes, as Axon's predicates would: a lost race carries the store's
     * duplicate key error as its cause, which would otherwise make every lost race final.
     */
    static final class LostRaceRetries extends IntervalRetryScheduler {

        LostRaceRetries(ScheduledExecutorService retries) {
            super(IntervalRetryScheduler.builder().retryExecutor(retries).maxRetryCount(5).retryInterval(20));
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            boolean lostRace = failure instanceof ConcurrencyException
                               && !(failure instanceof ConflictingAggregateVersionException)
                               || failure instanceof AggregateStreamCreationException;
            return !lostRace;
        }
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
