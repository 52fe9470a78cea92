package org.homelink.partners.referrals.query;

import org.homelink.partners.referrals.command.Referral.Status;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Whether a referral has waited too long for the partner's answer: it is new or opened, and was made more than N
 * days ago. Worked out from the clock whenever a list is read, never stored, so it is right after a restart, after
 * a replay and on every instance alike, and changing N changes every referral at once. N is service-wide, or per
 * school (the smallest of the referral's schools that have one, else the service-wide one).
 */
@Component
@EnableConfigurationProperties(ResponseDeadlines.Settings.class)
public class ResponseDeadlines {

    /**
     * @param responseDays         the days a partner has to answer
     * @param responseDaysBySchool the same per school, by URN
     */
    @ConfigurationProperties("homelink.partners.referrals")
    public record Settings(@DefaultValue("5") int responseDays, Map<String, Integer> responseDaysBySchool) {

        public Settings {
            responseDaysBySchool = responseDaysBySchool == null ? Map.of() : Map.copyOf(responseDaysBySchool);
        }
    }

    private final Settings settings;
    private final Clock clock;

    public ResponseDeadlines(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public int daysFor(ReferralView referral) {
        return referral.schoolUrns().stream().map(settings.responseDaysBySchool()::get)
                       .filter(java.util.Objects::nonNull).min(Integer::compare).orElse(settings.responseDays());
    }

    public boolean overdue(ReferralView referral) {
        return (referral.status() == Status.NEW || referral.status() == Status.OPENED)
               && referral.madeAt().plus(Duration.ofDays(daysFor(referral))).isBefore(clock.instant());
    }
}
