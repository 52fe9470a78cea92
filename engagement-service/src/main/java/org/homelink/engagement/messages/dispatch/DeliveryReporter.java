package org.homelink.engagement.messages.dispatch;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.homelink.contracts.engagement.MessageDelivered;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.engagement.messages.delivery.DeliveryReports;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStep;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStepsRecorded;
import org.homelink.engagement.messages.query.CopyView;
import org.homelink.engagement.messages.query.DeliveryProgress;
import org.homelink.engagement.messages.query.MessageProjection;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records what is reported after the hand-over: providers' receipts, a carer reading a copy in the app, and a member
 * of staff who told a carer or could not reach them. A report on the copy a digest went by is a report on every copy
 * of the digest. A report that would move a copy back (delivered after read) is recorded as nothing.
 */
@Component
public class DeliveryReporter implements DeliveryReports {

    private static final Set<DeliveryState> REPORTED = Set.of(DeliveryState.DELIVERED, DeliveryState.READ,
                                                              DeliveryState.FAILED);

    private final MessageProjection projection;
    private final EventBus events;

    DeliveryReporter(MessageProjection projection, EventBus events) {
        this.projection = projection;
        this.events = events;
    }

    @Override
    public boolean report(String deliveryId, DeliveryState state, String detail, Instant at) {
        if (!REPORTED.contains(state)) {
            throw new IllegalArgumentException("A report is of a copy delivered, read or failed, not " + state);
        }
        return record(deliveryId, state, detail, null, at).isPresent();
    }

    /**
     * A member of staff's word on a copy of their task: they told the carer (DELIVERED) or could not reach them
     * (FAILED). Closes the task whatever the copy's state was.
     *
     * @return the copy as it was, or empty when there is no such copy
     */
    public Optional<CopyView> completeTask(String deliveryId, boolean told, String note, String staffId,
                                           Instant at) {
        return record(deliveryId, told ? DeliveryState.DELIVERED : DeliveryState.FAILED, note, staffId, at);
    }

    private Optional<CopyView> record(String deliveryId, DeliveryState state, String detail, String by, Instant at) {
        Optional<CopyView> found = projection.copy(deliveryId);
        found.ifPresent(copy -> {
            List<CopyView> reported = new ArrayList<>();
            reported.add(copy);
            if (!copy.bundled().isEmpty()) {
                reported.addAll(projection.copies(copy.bundled()));
            }
            List<DeliveryStep> steps = new ArrayList<>();
            List<EventMessage<?>> recorded = new ArrayList<>();
            for (CopyView one : reported) {
                boolean moves = DeliveryProgress.moves(one.state(), state);
                if (!moves && by == null) {
                    continue;
                }
                steps.add(new DeliveryStep(one.deliveryId(), one.messageId(), state, 0, detail, null, by, null, at));
                if (moves && state == DeliveryState.DELIVERED) {
                    recorded.add(GenericEventMessage.asEventMessage(new MessageDelivered(
                            one.deliveryId(), one.messageId(), one.trustId(), one.schoolUrn(), one.familyId(),
                            one.carerId(), MessageRoute.valueOf(one.route().name()), at)));
                }
            }
            if (!steps.isEmpty()) {
                recorded.add(0, GenericEventMessage.asEventMessage(new DeliveryStepsRecorded(steps)));
                events.publish(recorded);
            }
        });
        return found;
    }
}
