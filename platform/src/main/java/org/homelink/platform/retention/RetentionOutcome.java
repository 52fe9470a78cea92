package org.homelink.platform.retention;

import java.util.List;

/**
 * What one run of a rule did. Ids only: the outcome is logged.
 *
 * @param removed the ids of the records removed
 * @param skipped the ids of records that were due but not removed this time (changed meanwhile, or removed by
 *                another instance first): the next run looks at them again
 */
public record RetentionOutcome(List<String> removed, List<String> skipped) {

    public RetentionOutcome {
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }

    public static RetentionOutcome nothing() {
        return new RetentionOutcome(List.of(), List.of());
    }
}
