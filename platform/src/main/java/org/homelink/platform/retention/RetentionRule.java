package org.homelink.platform.retention;

import java.time.Instant;

/**
 * One rule of the retention schedule: a kind of record, kept for so long and then removed. Each service declares its
 * own rules as beans; {@link RetentionSchedule} applies them all.
 * <p>
 * Applying a rule must be idempotent and safe while another instance of the service applies it too: what has been
 * removed is not found again, and removing something twice changes nothing more.
 */
public interface RetentionRule {

    /** The rule's name in the log: a few words, such as {@code families after leaving}. */
    String name();

    /** Removes what is past its time at {@code now}, and says what it did. */
    RetentionOutcome apply(Instant now);
}
