package org.homelink.platform.testing;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.homelink.platform.eventstore.MongoEventLogEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Every service starts healthy on the embedded store with the platform's event log. A service's test extends this
 * from its own package, so Spring finds that service's application.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test") // each service's application-test.yml keeps its store in memory
public abstract class ServiceStartsHealthy {

    @Test
    void startsHealthyOnTheEmbeddedStoreWithTheSharedEventLog(@Autowired TestRestTemplate http,
                                                               @Autowired EventStorageEngine eventStorageEngine) {
        JsonContent<Object> health = new BasicJsonTester(getClass())
                .from(http.getForObject("/actuator/health", String.class));

        assertThat(health).extractingJsonPathStringValue("$.status").isEqualTo("UP");
        assertThat(health).extractingJsonPathStringValue("$.components.mongo.status").isEqualTo("UP");
        assertThat(health).extractingJsonPathStringValue("$.components.mongo.details.store").isEqualTo("embedded");
        assertThat(eventStorageEngine).isInstanceOf(MongoEventLogEngine.class);
    }
}
