package org.homelink.partners;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partners API's OpenAPI title; the platform adds the headers every service's API reads. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    @Bean
    OpenAPI partnersApi() {
        return new OpenAPI().info(new Info().title("Homelink community partners").version("1")
                                            .description("Partner organisations and their services (Open Referral "
                                                         + "UK), support needs, matching and referrals. The public "
                                                         + "directory is at /openreferral/."));
    }
}
