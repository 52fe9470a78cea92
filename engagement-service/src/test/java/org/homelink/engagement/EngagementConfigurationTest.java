package org.homelink.engagement;

import com.mongodb.MongoException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.homelink.engagement.activities.command.ActivityRules.ActivityNotFound;
import org.homelink.engagement.activities.command.ActivityRules.NotInvited;
import org.homelink.engagement.activities.command.ActivityRules.SlotTaken;
import org.homelink.platform.web.ForbiddenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's command gateway asks again after a lost race on an aggregate's version, and only then. */
class EngagementConfigurationTest {

    /** Any command: the gateway does not look inside. */
    record Knock(String door) {
    }

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = ServiceGateway.over(commandBus, retries);
    private final AtomicInteger handled = new AtomicInteger();

    @AfterEach
    void stopRetrying() {
        retries.shutdownNow();
    }

    /** Each time the command is handled, the next of these happens: thrown if it is a failure, answered if not. */
    private void handlerThatMeets(Object... outcomes) {
        Iterator<Object> next = List.of(outcomes).iterator();
        commandBus.subscribe(Knock.class.getName(), command -> {
            handled.incrementAndGet();
            Object outcome = next.next();
            if (outcome instanceof RuntimeException failure) {
                throw failure;
            }
            return outcome;
        });
    }

    static Stream<RuntimeException> lostRaces() {
        return Stream.of(new ConcurrencyException("someone appended first"),
                         // As the event log reports it: with the store's duplicate key error as its cause.
                         new ConcurrencyException("someone appended first", new MongoException("duplicate key")),
                         new AggregateStreamCreationException("someone created it first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostRaces")
    void aLostRaceOnTheVersionIsAskedAgainOnTheAggregateAsItNowIs(RuntimeException lostRace) {
        handlerThatMeets(lostRace, lostRace, 7L);

        Object version = gateway.sendAndWait(new Knock("front"));

        assertThat(version).isEqualTo(7L);
        assertThat(handled).hasValue(3);
    }

    static Stream<RuntimeException> failuresThatAskingAgainWouldNotChange() {
        return Stream.of(new SlotTaken("t-smith-29545440"), new NotInvited("familyId"), new ActivityNotFound(),
                         new ConflictingAggregateVersionException("activity-1", 3, 4),
                         new ForbiddenException("Only school and trust leaders set their schools' thresholds"),
                         new IllegalStateException("a bug"), new MongoException("the store is down"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresThatAskingAgainWouldNotChange")
    void anythingButALostRaceIsAnsweredAtOnce(RuntimeException answer) {
        handlerThatMeets(answer, answer, answer, answer, answer, answer);

        assertThatThrownBy(() -> gateway.sendAndWait(new Knock("front"))).isSameAs(answer);
        assertThat(handled).hasValue(1);
    }
}
