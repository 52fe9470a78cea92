package org.homelink.engagement.messages.dispatch;

import org.homelink.engagement.messages.delivery.Channel;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.Handover;
import org.homelink.engagement.messages.delivery.Outgoing;

/**
 * A route with no provider outside the service; what handing a copy over means is recorded by the delivery steps,
 * so their read models (the app feed, the staff task board) rebuild by replay like every other.
 * <ul>
 *     <li>The in-app feed that school front-ends read: placing a copy in the carer's feed is delivering it.</li>
 *     <li>A carer better spoken to: handing the copy over puts it on the school's board of staff tasks (SENT); the
 *     member of staff who tells the carer, or cannot reach them, says so (DELIVERED or FAILED).</li>
 * </ul>
 */
class InHouseChannel implements Channel {

    private final DeliveryRoute route;
    private final boolean delivered;

    InHouseChannel(DeliveryRoute route, boolean delivered) {
        this.route = route;
        this.delivered = delivered;
    }

    static InHouseChannel appFeed() {
        return new InHouseChannel(DeliveryRoute.APP, true);
    }

    static InHouseChannel staffTasks() {
        return new InHouseChannel(DeliveryRoute.STAFF, false);
    }

    @Override
    public DeliveryRoute route() {
        return route;
    }

    @Override
    public Handover hand(Outgoing outgoing) {
        return new Handover.Accepted(null, delivered);
    }
}
