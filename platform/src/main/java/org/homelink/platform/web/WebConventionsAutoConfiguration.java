package org.homelink.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.mongo.MongoStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/** The API conventions every service keeps: request context, problem+json errors, idempotent POSTs. */
// Before Spring MVC's, so that its own problem-details handler sees ours and stands back.
@AutoConfiguration(after = MongoStoreAutoConfiguration.class, before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebConventionsAutoConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestContextArgumentResolver());
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoClient client, MongoSettings settings,
                                                                ObjectMapper json) {
        IdempotencyRecords records = new IdempotencyRecords(
                client.getDatabase(settings.database()).getCollection(IdempotentAnswers.COLLECTION),
                Clock.systemUTC());
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
