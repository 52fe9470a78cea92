package org.homelink.engagement;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.homelink.contracts.engagement.ActivityEvent;
import org.homelink.contracts.engagement.AgreementAcknowledged;
import org.homelink.contracts.engagement.AttendanceConcernRaised;
import org.homelink.contracts.engagement.ConcernEscalated;
import org.homelink.contracts.engagement.ContactLogged;
import org.homelink.contracts.engagement.FollowUpCompleted;
import org.homelink.contracts.engagement.SurveyAnswered;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.engagement.MessageSent;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementEvent;
import org.homelink.engagement.messages.command.MessageCommands;
import org.homelink.engagement.messages.events.DeliveryEvents.DeliveryStepsRecorded;
import org.homelink.engagement.messages.events.MessageEvents.DigestChosen;
import org.homelink.engagement.messages.events.MessageEvents.MessageEvent;
import org.homelink.engagement.messages.events.MessageEvents.MessageSettingsChanged;
import org.homelink.engagement.attendance.command.AttendanceCommands;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConcernStep;
import org.homelink.engagement.attendance.events.AtRiskThresholdChanged;
import org.homelink.engagement.attendance.events.AttendanceMarksImported;
import org.homelink.engagement.activities.events.SlotBooked;
import org.homelink.engagement.activities.events.SlotBookingCancelled;
import org.homelink.engagement.activities.events.SlotsOffered;
import org.homelink.engagement.reach.command.ChangeReachSettings;
import org.homelink.engagement.reach.command.ReachSettingsChanged;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds events to projections as a streaming processor would: each as the next event of its own stream (a family, an
 * activity, a contact...), with its sequence number, through the projections' own event handlers. Remembers what it
 * delivered, so that a test can deliver it all again or replay it after a reset.
 */
public final class EventFeed {

    private final List<AnnotationEventHandlerAdapter> projections;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventMessage<?>> delivered = new ArrayList<>();
    private boolean eachTwice;

    public EventFeed(Object... projections) {
        this.projections = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
    }

    /** Delivers every event twice in a row, as a processor that stopped before storing its token would. */
    public EventFeed deliveringEachTwice() {
        eachTwice = true;
        return this;
    }

    public void feed(Object... events) {
        for (Object event : events) {
            String stream = streamOf(event);
            long sequence = sequences.merge(stream, 0L, (last, first) -> last + 1);
            EventMessage<?> message = new GenericDomainEventMessage<>(event.getClass().getSimpleName(), stream,
                                                                      sequence, event, MetaData.emptyInstance(),
                                                                      stream + "/" + sequence, Riverside.NOW);
            delivered.add(message);
            deliver(message);
            if (eachTwice) {
                deliver(message);
            }
        }
    }

    /** Everything fed so far, again and in order: a processor that restarts from an older token. */
    public void deliverAllAgain() {
        List.copyOf(delivered).forEach(this::deliver);
    }

    /** What a processor does when it is reset: the projections' reset handlers, then everything from the start. */
    public void resetAndReplay() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        deliverAllAgain();
    }

    private void deliver(EventMessage<?> message) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            try {
                projection.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String streamOf(Object event) {
        if (event instanceof FamilyEvent family) {
            return family.familyId();
        } else if (event instanceof ActivityEvent activity) {
            return activity.activityId();
        } else if (event instanceof SlotsOffered offered) {
            return offered.activityId();
        } else if (event instanceof SlotBooked booked) {
            return booked.activityId();
        } else if (event instanceof SlotBookingCancelled cancelled) {
            return cancelled.activityId();
        } else if (event instanceof ContactLogged logged) {
            return logged.contactId();
        } else if (event instanceof FollowUpCompleted completed) {
            return completed.contactId();
        } else if (event instanceof ReachSettingsChanged settings) {
            return ChangeReachSettings.idOf(settings.schoolUrn());
        } else if (event instanceof AttendanceMarksImported imported) {
            return imported.importId();
        } else if (event instanceof AtRiskThresholdChanged threshold) {
            return AttendanceCommands.ChangeAtRiskThreshold.idOf(threshold.schoolUrn());
        } else if (event instanceof SurveyEvent survey) {
            return survey.surveyId();
        } else if (event instanceof SurveyAnswered answered) {
            return answered.surveyId();
        } else if (event instanceof AgreementEvent agreement) {
            return agreement.agreementId();
        } else if (event instanceof AgreementAcknowledged acknowledged) {
            return acknowledged.agreementId();
        } else if (event instanceof AttendanceConcernRaised raised) {
            return raised.concernId();
        } else if (event instanceof ConcernEscalated escalated) {
            return escalated.concernId();
        } else if (event instanceof ConcernStep step) {
            return step.concernId();
        } else if (event instanceof MessageEvent message) {
            return message.messageId();
        } else if (event instanceof MessageSent sent) {
            return sent.messageId();
        } else if (event instanceof DeliveryStepsRecorded) {
            return "delivery-steps"; // published with no aggregate: its sequence is no matter to any reader
        } else if (event instanceof MessageSettingsChanged settings) {
            return MessageCommands.ChangeMessageSettings.idOf(settings.schoolUrn());
        } else if (event instanceof DigestChosen chosen) {
            return MessageCommands.ChooseDigest.idOf(chosen.familyId());
        } else if (event instanceof SchoolRegistered school) {
            return school.trustId();
        }
        throw new IllegalArgumentException("No stream known for " + event.getClass().getSimpleName());
    }
}
