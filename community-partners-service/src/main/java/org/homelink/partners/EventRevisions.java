package org.homelink.partners;

import org.homelink.partners.needs.command.SupportNeedDescribed;
import org.homelink.partners.referrals.command.ReferralDescribed;
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
    FieldAdded supportNeedDescribedNamesTheFamily() {
        return new FieldAdded(SupportNeedDescribed.class, "1", "2", "familyId");
    }

    @Bean
    FieldAdded referralDescribedNamesTheFamily() {
        return new FieldAdded(ReferralDescribed.class, "1", "2", "familyId");
    }
}
