package org.homelink.platform.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for a read model: a command's answer waits until the read model shows the record at the version
 * the command produced, so the caller's next search or read sees their own change. The wait polls the record's one
 * document by id, which is what any instance's processor updates, so it holds wherever the record's events are
 * processed. If the read model falls far behind, the answer goes out anyway: the change is made.
 */
public final class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_MILLIS = 10;

    private final String readModel;
    private final ToLongFunction<String> versionOf;
    private final Duration longest;

    /**
     * @param readModel what is waited for, for the log: "the family directory"
     * @param versionOf the version of a record the read model has applied, or -1 when it has not seen it
     * @param longest   the longest a command's answer waits
     */
    public ReadYourWrites(String readModel, ToLongFunction<String> versionOf, Duration longest) {
        this.readModel = readModel;
        this.versionOf = versionOf;
        this.longest = longest;
    }

    public void await(String id, long version) {
        long deadline = System.nanoTime() + longest.toNanos();
        while (versionOf.applyAsLong(id) < version) {
            if (System.nanoTime() > deadline) {
                log.warn("{} has not reached version {} of {} after {}: answering anyway", readModel, version, id,
                         longest);
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
