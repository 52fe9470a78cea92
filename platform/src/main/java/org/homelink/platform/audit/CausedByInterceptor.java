package org.homelink.platform.audit;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.homelink.platform.web.RequestContext;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Adds {@link CausedBy} to every command and event sent that does not carry it yet: the caller on this thread, or
 * else the service itself. A message that already carries it keeps it: it was sent while handling another message
 * (Axon copied its cause), or it is being sent again, from a retry's thread where no caller is.
 */
final class CausedByInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    private final Supplier<Optional<RequestContext>> caller;
    private final String service;

    CausedByInterceptor(Supplier<Optional<RequestContext>> caller, String service) {
        this.caller = caller;
        this.service = service;
    }

    @Override
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        // Who is calling is read once, on the sending thread: the function may be applied later.
        Map<String, String> cause = caller.get().map(CausedBy::caller)
                                          .orElseGet(() -> CausedBy.system(service, SystemWork.current().orElse(null)));
        return (index, message) -> withCause(message, cause);
    }

    @SuppressWarnings("unchecked")
    private static <M extends Message<?>> M withCause(M message, Map<String, String> cause) {
        if (message.getMetaData().containsKey(CausedBy.KEY)) {
            return message;
        }
        return (M) message.andMetaData(Collections.singletonMap(CausedBy.KEY, cause));
    }
}
