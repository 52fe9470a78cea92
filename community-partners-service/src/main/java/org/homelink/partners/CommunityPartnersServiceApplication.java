package org.homelink.partners;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Partner organisations and the support services they offer, support needs, matching and referrals. */
@SpringBootApplication
public class CommunityPartnersServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunityPartnersServiceApplication.class, args);
    }

    /**
     * When things happen, as commands record it, and what "today" is for a referral's response time and a child's
     * age: one clock, so that a test can put its own in its place.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
