package org.homelink.engagement;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.concurrent.ScheduledExecutorService;

/** The service's command gateway exactly as its configuration builds it, for tests in other packages. */
public final class ServiceGateway {

    private ServiceGateway() {
    }

    public static CommandGateway over(CommandBus commandBus, ScheduledExecutorService retries) {
        return new EngagementConfiguration().commandGateway(commandBus, retries);
    }
}
