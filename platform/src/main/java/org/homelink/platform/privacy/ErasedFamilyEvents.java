package org.homelink.platform.privacy;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;

/**
 * Keeps the events of an erased family from every event processor: an event whose own {@code @DataSubject} is a
 * family that has been erased is passed over, as if it were not in the log. A processor replaying the log from the
 * start, or one that had not yet caught up when the family was erased, so never builds anything from what is left of
 * the family's events (their personal values read as null), and the family's {@code FamilyErased}, which comes after
 * them all, finds nothing to remove, or removes what was built before the erasure.
 * <p>
 * An event about several families, each in a nested record, names no subject of its own and is handled as usual:
 * its handlers meet null personal values in the erased family's part.
 */
public class ErasedFamilyEvents implements MessageHandlerInterceptor<EventMessage<?>> {

    private final FamilyKeys keys;

    public ErasedFamilyEvents(FamilyKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        Optional<String> familyId = payload == null ? Optional.empty()
                : PersonalFields.of(payload.getClass()).subjectOf(payload);
        if (familyId.isPresent() && keys.isErased(familyId.get())) {
            return null;
        }
        return interceptorChain.proceed();
    }
}
