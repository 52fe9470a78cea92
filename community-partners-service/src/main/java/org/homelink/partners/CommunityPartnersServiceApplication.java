package org.homelink.partners;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Partner organisations and the support services they offer, support needs, matching and referrals. */
@SpringBootApplication
public class CommunityPartnersServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunityPartnersServiceApplication.class, args);
    }
}
