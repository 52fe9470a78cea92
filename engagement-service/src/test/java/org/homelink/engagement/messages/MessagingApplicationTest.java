package org.homelink.engagement.messages;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The service on the embedded store with {@link MessagingTestConfiguration}: a dispatcher every 100 ms, back-off of
 * one then five minutes, three attempts. One application for every test class that says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"homelink.engagement.messages.dispatch-every=100ms",
                                                            "homelink.engagement.messages.retry-back-off=1m,5m",
                                                            "homelink.engagement.messages.max-attempts=3"})
@ActiveProfiles("test")
@Import(MessagingTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface MessagingApplicationTest {
}
