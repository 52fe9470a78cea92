package org.homelink.platform.axon;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.platform.eventstore.noticeboard.NoticeboardOpened;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An aggregate that reads only its own kind's events takes the id of another kind of record for an unknown one. */
class AggregateEventTypeFilterTest {

    @Test
    void theIdOfAnotherKindOfRecordIsNoRecordOfThisKind() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WithALeaflet.class)
                .web(WebApplicationType.NONE).properties("homelink.mongo.embedded.storage=memory").run()) {
            String boardId = UUID.randomUUID().toString();
            service.getBean(EventStore.class).publish(
                    new GenericDomainEventMessage<>("Noticeboard", boardId, 0, new NoticeboardOpened(boardId)));

            assertThatThrownBy(() -> service.getBean(CommandGateway.class).sendAndWait(new FoldLeaflet(boardId)))
                    .isInstanceOf(AggregateNotFoundException.class);
        }
    }

    record PrintLeaflet(String leafletId) {
    }

    record FoldLeaflet(@TargetAggregateIdentifier String leafletId) {
    }

    record LeafletPrinted(String leafletId) {
    }

    @Aggregate(filterEventsByType = true)
    public static class Leaflet {

        @AggregateIdentifier
        private String leafletId;

        protected Leaflet() {
        }

        @CommandHandler
        public Leaflet(PrintLeaflet command) {
            apply(new LeafletPrinted(command.leafletId()));
        }

        @CommandHandler
        public void handle(FoldLeaflet command) {
            // Nothing to decide: the test is about loading.
        }

        @EventSourcingHandler
        void on(LeafletPrinted event) {
            leafletId = event.leafletId();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Leaflet.class)
    static class WithALeaflet {
    }
}
