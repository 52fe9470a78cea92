package org.homelink.engagement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Engagement activities, invitations and attendance, the contact log, and the views of reach that show which
 * families the school is reaching and which it underserves.
 */
@SpringBootApplication
public class EngagementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EngagementServiceApplication.class, args);
    }

    /** When things happen, as commands record it, and "now" for reach: one clock, so a test can put its own in. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
