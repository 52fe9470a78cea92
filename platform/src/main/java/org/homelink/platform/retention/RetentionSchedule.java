package org.homelink.platform.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies every retention rule of the service once a day (setting {@code homelink.retention.schedule}, a cron in
 * London time; {@code -} turns it off), and logs one line per rule: how many records went and were skipped, and
 * their ids. A rule that fails is logged and the others still run: one kind of record past its time is no reason to
 * keep another.
 * <p>
 * Every instance of a service runs the schedule. No lease is needed: rules are idempotent, and what one instance has
 * removed the other no longer finds, or finds its command refused, and counts as skipped.
 */
public class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final List<RetentionRule> rules;
    private final Clock clock;

    public RetentionSchedule(List<RetentionRule> rules, Clock clock) {
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    @Scheduled(cron = "${homelink.retention.schedule:0 30 2 * * *}", zone = "Europe/London")
    public void runDaily() {
        applyAt(clock.instant());
    }

    /** Applies every rule as at {@code now}: what the schedule does, and what a test on its own clock calls. */
    public Map<String, RetentionOutcome> applyAt(Instant now) {
        Map<String, RetentionOutcome> outcomes = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            try {
                RetentionOutcome outcome = rule.apply(now);
                outcomes.put(rule.name(), outcome);
                log.info("Retention, {}: {} removed {}, {} skipped {}", rule.name(), outcome.removed().size(),
                         outcome.removed(), outcome.skipped().size(), outcome.skipped());
            } catch (RuntimeException e) {
                // The type only, as for any fault of ours: a driver's or a command's message may quote a record.
                log.error("Retention, {}: failed ({}); the next run tries again", rule.name(), e.getClass().getName());
                log.debug("The cause of that failure", e);
            }
        }
        return outcomes;
    }
}
