package org.homelink.family;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Families and their carers, children, contact preferences, barriers and consents, and the register of trusts and schools. */
@SpringBootApplication
public class FamilyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FamilyServiceApplication.class, args);
    }
}
