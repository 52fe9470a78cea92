package org.homelink.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.homelink.platform.eventstore.MongoEventLogEngine;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.mongo.MongoStoreAutoConfiguration;
import org.homelink.platform.privacy.ErasedFamilyEvents;
import org.homelink.platform.privacy.FamilyDataOpener;
import org.homelink.platform.privacy.FamilyKeys;
import org.homelink.platform.privacy.PersonalDataSerializer;
import org.homelink.platform.privacy.PrivacySettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * Axon on MongoDB for every service: the shared event log, and the service's own token and saga stores.
 * <p>
 * The token and saga stores are axon-mongo's, wired here without a transaction manager: each of their writes is a
 * single-document update, atomic on its own, and the embedded server has no transactions to offer.
 * <p>
 * Events are stored with their personal data encrypted under each family's key, and no processor handles the events
 * of a family that has been erased (see the {@code privacy} package).
 */
@AutoConfiguration(after = MongoStoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties({EventStoreSettings.class, PrivacySettings.class})
public class EventStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public MongoEventLogEngine eventStorageEngine(MongoClient client, EventStoreSettings settings,
                                                  Serializer serializer,
                                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                                  FamilyKeys familyKeys,
                                                  org.axonframework.config.Configuration configuration) {
        return MongoEventLogEngine.builder()
                                  .database(client.getDatabase(settings.database()))
                                  .batchSize(settings.batchSize())
                                  .gapTimeout(settings.gapTimeout())
                                  .snapshotSerializer(serializer)
                                  .eventSerializer(PersonalDataSerializer.wrapping(eventSerializer, familyKeys))
                                  .upcasterChain(configuration.upcasterChain())
                                  .build();
    }

    /** The families' keys live beside the events they encrypt, in the event store's database. */
    @Bean
    @ConditionalOnMissingBean
    public FamilyKeys familyKeys(MongoClient client, EventStoreSettings settings, PrivacySettings privacy) {
        return new FamilyKeys(client.getDatabase(settings.database()), privacy);
    }

    /** Opens one family's personal values in stored events of any service: for subject access. */
    @Bean
    @ConditionalOnMissingBean
    public FamilyDataOpener familyDataOpener(FamilyKeys familyKeys) {
        return new FamilyDataOpener(familyKeys);
    }

    @Bean
    public ConfigurerModule erasedFamilyEvents(FamilyKeys familyKeys) {
        ErasedFamilyEvents interceptor = new ErasedFamilyEvents(familyKeys);
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultHandlerInterceptor((configuration, name) -> interceptor));
    }

    /** Axon's own event store over the engine, polling other processes' appends every {@code fetchDelay}. */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventStore.class)
    public EmbeddedEventStore eventStore(EventStorageEngine engine, EventStoreSettings settings,
                                         org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(engine)
                                 .fetchDelay(settings.fetchDelay().toMillis())
                                 .timeUnit(TimeUnit.MILLISECONDS)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoSettings settings) {
        return DefaultMongoTemplate.builder()
                                   .mongoDatabase(client, settings.database())
                                   .trackingTokensCollectionName("processorTokens")
                                   .sagasCollectionName("sagas")
                                   .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /** Static: it changes bean definitions, so it must exist before any other bean of this class. */
    @Bean
    static AggregateEventTypeFilter aggregateEventTypeFilter() {
        return new AggregateEventTypeFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
