package org.homelink.engagement.messages.query;

import org.homelink.contracts.engagement.MessageCopy;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.contracts.engagement.MessageRoute;
import org.homelink.contracts.engagement.MessageSent;
import org.homelink.engagement.EventFeed;
import org.homelink.engagement.ReplayContract;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStep;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStepsRecorded;
import org.homelink.engagement.messages.events.MessageEvents.FamilyWeek;
import org.homelink.engagement.messages.events.MessageEvents.Held;
import org.homelink.engagement.messages.events.MessageEvents.HeldFor;
import org.homelink.engagement.messages.events.MessageEvents.MessageCancelled;
import org.homelink.engagement.messages.events.MessageEvents.MessageDrafted;
import org.homelink.engagement.messages.events.MessageEvents.MessageRevised;
import org.homelink.engagement.messages.events.MessageEvents.MessageRouted;
import org.homelink.engagement.messages.events.MessageEvents.MessageScheduled;
import org.homelink.engagement.messages.events.MessageText;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.homelink.engagement.Riverside.NORTH;
import static org.homelink.engagement.Riverside.NORTH_STAFF;
import static org.homelink.engagement.Riverside.NOW;
import static org.homelink.engagement.Riverside.TRUST;

/**
 * Messages, copies, the dispatcher's queue, app feeds and staff task boards are the same after events delivered
 * twice, delivered all again, or replayed after a reset: the read models rebuild from the log alone.
 */
class MessageProjectionReplayTest extends ReplayContract {

    static final MessageText EN = new MessageText("en", "School trip", "We go to the museum on Friday.");
    static final Instant LATER = NOW.plus(Duration.ofMinutes(1));

    MessageProjectionReplayTest() {
        super(MessageProjection::new, MessageProjectionReplayTest::history, "messages", "messageCopies",
              "deliveryQueue", "feedItems", "feeds", "staffTaskBoards", "messageSchedule");
    }

    /** A message sent to four carers, one by each route, through every step; another scheduled; a third cancelled. */
    static void history(EventFeed feed) {
        feed.feed(drafted("m-1"), new MessageRevised("m-1", MessageKind.NEWSLETTER, List.of(EN), "en", "staff-n", NOW),
                  new MessageSent("m-1", TRUST, List.of(NORTH), MessageKind.NEWSLETTER, "staff-n", NOW, List.of(
                          copy("app", MessageRoute.APP), copy("staff", MessageRoute.STAFF),
                          copy("email", MessageRoute.EMAIL), copy("sms", MessageRoute.SMS),
                          copy("held", MessageRoute.APP))),
                  new MessageRouted("m-1", List.of(new Held("d-held", HeldFor.WEEKLY_LIMIT, LATER)),
                                    LocalDate.of(2026, 3, 2), List.of(new FamilyWeek(NORTH, "family-app"))),
                  steps(step("app", DeliveryState.DELIVERED, 1, null, null, null),
                        step("staff", DeliveryState.SENT, 1, null, null, null),
                        step("email", DeliveryState.QUEUED, 1, "Provider busy", LATER, null),
                        step("sms", DeliveryState.FAILED, 1, "Not a mobile number", null, null)),
                  steps(step("app", DeliveryState.READ, 0, null, null, null),
                        step("app", DeliveryState.DELIVERED, 0, null, null, null),
                        step("staff", DeliveryState.DELIVERED, 0, "Told at the gate", null, "staff-n"),
                        step("email", DeliveryState.QUEUED, 2, "Provider busy", LATER.plusSeconds(300), null)),
                  drafted("m-2"),
                  new MessageScheduled("m-2", LATER, new Audience.Criteria(null, null, null, null, null, null, true),
                                       NORTH_STAFF, NOW),
                  drafted("m-3"), new MessageCancelled("m-3", "staff-n", NOW));
    }

    static MessageDrafted drafted(String messageId) {
        return new MessageDrafted(messageId, TRUST, List.of(NORTH), MessageKind.MESSAGE, List.of(EN), "en",
                                  "staff-n", NOW);
    }

    static MessageCopy copy(String carer, MessageRoute route) {
        return new MessageCopy("d-" + carer, NORTH, "family-" + carer, carer, route, "en");
    }

    static DeliveryStepsRecorded steps(DeliveryStep... steps) {
        return new DeliveryStepsRecorded(List.of(steps));
    }

    static DeliveryStep step(String carer, DeliveryState state, int attempt, String reason, Instant next, String by) {
        return new DeliveryStep("d-" + carer, "m-1", state, attempt, reason, next, by, null, NOW);
    }
}
