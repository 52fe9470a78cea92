package org.homelink.platform.audit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.homelink.platform.security.Callers;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every command and event records who caused it ({@link CausedBy}). The interceptor is registered on the command
 * gateway, where the caller's thread sends (a retry later goes from another thread, with the metadata already set),
 * on the command bus for anything sent to it directly, and on the event bus for events published outside any command,
 * such as a dispatcher's delivery reports. Axon's event gateway is not needed: it publishes on the same bus.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class CausedByAutoConfiguration {

    /** Copies a command's cause to the events and commands sent while it is handled. */
    @Bean
    CorrelationDataProvider causedByCorrelation() {
        return new SimpleCorrelationDataProvider(CausedBy.KEY);
    }

    /**
     * Axon's own provider (correlation and trace ids), which it defines only while no other provider is defined:
     * kept, so that adding ours takes nothing away.
     */
    @Bean
    CorrelationDataProvider homelinkMessageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    InitializingBean causedByOnCommandsAndEvents(CommandGateway commandGateway, CommandBus commandBus,
                                                 EventBus eventBus,
                                                 @Value("${spring.application.name:homelink}") String service) {
        return () -> {
            commandGateway.registerDispatchInterceptor(
                    new CausedByInterceptor<CommandMessage<?>>(Callers::current, service));
            commandBus.registerDispatchInterceptor(new CausedByInterceptor<CommandMessage<?>>(Callers::current, service));
            eventBus.registerDispatchInterceptor(new CausedByInterceptor<EventMessage<?>>(Callers::current, service));
        };
    }
}
