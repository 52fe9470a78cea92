package org.homelink.platform.eventstore.noticeboard;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

import java.util.function.Consumer;

/** Hands every event of the stream to a test. */
final class CountingHandler {

    private final Consumer<EventMessage<?>> handler;

    CountingHandler(Consumer<EventMessage<?>> handler) {
        this.handler = handler;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        handler.accept(event);
    }

    @ResetHandler
    void onReset() {
        // The projection a real service rebuilds would be cleared here; the tests count what arrives afterwards.
    }
}
