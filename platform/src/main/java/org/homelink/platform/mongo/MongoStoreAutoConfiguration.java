package org.homelink.platform.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One MongoDB client per service: to the server named by {@code homelink.mongo.uri}, or to an embedded server this
 * service starts when none is named.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@EnableConfigurationProperties(MongoSettings.class)
public class MongoStoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MongoStore mongoStore(MongoSettings settings) {
        return MongoStore.open(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoClient mongoClient(MongoStore store) {
        return store.client();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Health {

        @Bean(name = "mongoHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("mongo")
        MongoPingHealthIndicator mongoHealthIndicator(MongoClient client, ObjectProvider<MongoStore> store) {
            MongoStore mongoStore = store.getIfAvailable();
            return new MongoPingHealthIndicator(client, mongoStore != null && mongoStore.embedded());
        }
    }
}
