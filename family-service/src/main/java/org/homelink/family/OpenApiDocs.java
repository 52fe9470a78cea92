package org.homelink.family;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The family API's OpenAPI title; the platform adds the headers every service's API reads. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    @Bean
    OpenAPI familyApi() {
        return new OpenAPI().info(new Info().title("Homelink families").version("1")
                                            .description("Families, carers, children, barriers, consents and key "
                                                         + "workers; the register of trusts and schools."));
    }
}
