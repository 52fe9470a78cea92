package org.homelink.platform.audit;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Names the work a service does on its own (a scheduled job, a dispatcher's round), so that the commands and events
 * it sends say which job caused them: {@code causedBy: {system: "engagement-service", job: "scheduled-sending"}}.
 * Work that names none is still the service's own, with no job.
 */
public final class SystemWork {

    private static final ThreadLocal<String> JOB = new ThreadLocal<>();

    private SystemWork() {
    }

    /** Runs {@code work} on this thread as the job named. */
    public static void run(String job, Runnable work) {
        call(job, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} on this thread as the job named, and answers what it answers. */
    public static <T> T call(String job, Supplier<T> work) {
        String outer = JOB.get();
        JOB.set(job);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                JOB.remove();
            } else {
                JOB.set(outer);
            }
        }
    }

    static Optional<String> current() {
        return Optional.ofNullable(JOB.get());
    }
}
