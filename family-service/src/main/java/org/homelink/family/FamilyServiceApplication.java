package org.homelink.family;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Families and their carers, children, contact preferences, barriers and consents, and the register of trusts and
 * schools.
 */
@SpringBootApplication
public class FamilyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FamilyServiceApplication.class, args);
    }

    /** When things happen, as commands record it: one clock, so that a test can put its own in its place. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
