package org.homelink.platform.query;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for a read model built by a streaming processor: a command's answer waits until the read model
 * shows the record at the version the command produced, so the caller's next read sees their own change. The wait
 * polls the record's own document by id, which is what any instance's processor updates, so it holds wherever the
 * events are processed. If the read model falls far behind, the answer goes out anyway: the change is made.
 */
public class ReadModelCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCatchUp.class);
    private static final long POLL_MILLIS = 10;

    private final String readModel;
    private final ToLongFunction<String> versionOf;
    private final Duration longest;

    /**
     * For a read model that says whether it shows a change ({@link #await(String, BooleanSupplier)}) rather than
     * which version of a record it holds.
     *
     * @param readModel what is waited for, for the log: such as {@code family directory}
     * @param longest   the longest a command's answer waits
     */
    public ReadModelCatchUp(String readModel, Duration longest) {
        this(readModel, null, longest);
    }

    /**
     * @param readModel what is waited for, for the log: such as {@code family directory}
     * @param versionOf the version of a record the read model has applied, or -1 when it has not seen it
     * @param longest   the longest a command's answer waits
     */
    public ReadModelCatchUp(String readModel, ToLongFunction<String> versionOf, Duration longest) {
        this.readModel = readModel;
        this.versionOf = versionOf;
        this.longest = longest;
    }

    /**
     * Sends the command and waits until the read model shows record {@code recordId} at the version the command
     * answered: read-your-writes for an API. A command that answers no version (it created the record, whose first
     * version is 0) waits for version 0.
     *
     * @return the record's version after the command
     */
    public long sendAndAwait(CommandGateway commands, String recordId, Object command) {
        long version = commands.sendAndWait(command) instanceof Long updated ? updated : 0L;
        await(recordId, version);
        return version;
    }

    /** Waits until the read model has applied record {@code recordId} at least at {@code version}. */
    public boolean await(String recordId, long version) {
        if (versionOf == null) {
            throw new IllegalStateException("The " + readModel + " was given no way to read a record's version");
        }
        return await(recordId, () -> versionOf.applyAsLong(recordId) >= version);
    }

    /**
     * Waits until {@code shown} answers true, or the longest wait is over.
     *
     * @param recordId the record's id, for the log only
     * @param shown    whether the read model shows the change now
     * @return whether the read model caught up
     */
    public boolean await(String recordId, BooleanSupplier shown) {
        long deadline = System.nanoTime() + longest.toNanos();
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                log.warn("The {} does not show the change to {} after {}: answering anyway",
                         readModel, recordId, longest);
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
