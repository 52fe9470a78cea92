package org.homelink.platform.audit;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.homelink.platform.axon.EventStoreAutoConfiguration;
import org.homelink.platform.axon.EventStoreSettings;
import org.homelink.platform.mongo.MongoStoreAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/**
 * The audit trail: every service records the requests that read or change families' data in one collection of
 * the event store's database, as the event log is one for every service, so that a school leader gets one answer
 * from family-service for all of them. Reading it is for any service; recording is for web services, unless
 * {@code homelink.audit.enabled} is false.
 */
@AutoConfiguration(after = {MongoStoreAutoConfiguration.class, EventStoreAutoConfiguration.class})
@EnableConfigurationProperties({AuditSettings.class, EventStoreSettings.class})
public class AuditAutoConfiguration {

    @Bean
    AuditTrailReader auditTrailReader(MongoClient client, EventStoreSettings events, AuditSettings settings) {
        return new AuditTrailReader(store(client, events, settings));
    }

    static AuditStore store(MongoClient client, EventStoreSettings events, AuditSettings settings) {
        return new AuditStore(client.getDatabase(events.database()).getCollection(AuditStore.COLLECTION),
                              settings.bucketCapacity());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(name = "homelink.audit.enabled", matchIfMissing = true)
    static class Recording {

        /** Closed after the web server has stopped taking requests and before the store's client closes. */
        @Bean(destroyMethod = "close")
        AuditTrail auditTrail(MongoClient client, EventStoreSettings events, AuditSettings settings,
                              ObjectProvider<FamilyScopes> scopes,
                              @Value("${spring.application.name:homelink}") String service) {
            return new AuditTrail(store(client, events, settings), scopes.getIfAvailable(), service, settings);
        }

        @Bean
        AuditedBodies auditedBodies() {
            return new AuditedBodies();
        }

        @Bean
        WebMvcConfigurer auditRecording(AuditTrail trail) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    // First of all, so that it also sees the requests a later interceptor refuses.
                    registry.addInterceptor(new AuditInterceptor(trail, Clock.systemUTC()))
                            .order(Ordered.HIGHEST_PRECEDENCE);
                }
            };
        }

        @Bean
        MeterBinder auditMetrics(AuditTrail trail) {
            return registry -> {
                FunctionCounter.builder("homelink.audit.dropped", trail, AuditTrail::dropped)
                               .description("Audit entries that could not be recorded").register(registry);
                Gauge.builder("homelink.audit.queued", trail, AuditTrail::queued)
                     .description("Audit entries waiting to be written").register(registry);
            };
        }
    }
}
