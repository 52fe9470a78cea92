package org.homelink.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs an operation a given number of times spread over threads, and tells how many per second it managed. */
final class ParallelRun {

    private ParallelRun() {
    }

    /**
     * @param operationForThread builds thread {@code i}'s operation before the clock starts, so per-thread state (a
     *                           writer, a counter) is not part of the timing
     * @return operations per second, from the moment all threads are released until the last one finishes
     */
    static double perSecond(int threads, int totalOperations, IntFunction<Runnable> operationForThread) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                Runnable operation = operationForThread.apply(thread);
                int times = totalOperations / threads + (thread < totalOperations % threads ? 1 : 0);
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < times; i++) {
                        operation.run();
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            for (Future<?> thread : running) {
                thread.get();
            }
            return totalOperations / ((System.nanoTime() - started) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while measuring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("An operation failed while measuring", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
