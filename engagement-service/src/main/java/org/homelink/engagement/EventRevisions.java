package org.homelink.engagement;

import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConcernClosed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.ConversationLogged;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportPlanAgreed;
import org.homelink.engagement.attendance.concerns.events.ConcernSteps.SupportReviewed;
import org.homelink.engagement.voice.events.SurveyEvents.SurveyResponseRecorded;
import org.homelink.platform.axon.FieldAdded;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events of this service stored in an earlier shape, read as they are now. Each change named the family an event is
 * about, whose key encrypts its personal data: events stored before it (and before personal data was encrypted) read
 * with no family.
 */
@Configuration(proxyBeanMethods = false)
class EventRevisions {

    @Bean
    FieldAdded conversationLoggedNamesTheFamily() {
        return new FieldAdded(ConversationLogged.class, "1", "2", "familyId");
    }

    @Bean
    FieldAdded supportPlanAgreedNamesTheFamily() {
        return new FieldAdded(SupportPlanAgreed.class, "1", "2", "familyId");
    }

    @Bean
    FieldAdded supportReviewedNamesTheFamily() {
        return new FieldAdded(SupportReviewed.class, "1", "2", "familyId");
    }

    @Bean
    FieldAdded concernClosedNamesTheFamily() {
        return new FieldAdded(ConcernClosed.class, "1", "2", "familyId");
    }

    /** Stored with no revision before it. */
    @Bean
    FieldAdded surveyResponseRecordedNamesTheFamily() {
        return new FieldAdded(SurveyResponseRecorded.class, null, "1", "familyId");
    }
}
