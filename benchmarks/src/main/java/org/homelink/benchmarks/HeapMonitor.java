package org.homelink.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Figure 4: how much heap the process holds. With the embedded server that includes the server's own copy of
 * every stored event, as it lives in the same JVM.
 */
final class HeapMonitor {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long SAMPLE_INTERVAL_MILLIS = 5;

    private HeapMonitor() {
    }

    /** Heap in use once garbage is collected: what the data itself and the caches hold. */
    static long usedAfterGc() {
        // Two collections: the first may only finish what a concurrent cycle had started.
        MEMORY.gc();
        MEMORY.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static long maxHeap() {
        return MEMORY.getHeapMemoryUsage().getMax();
    }

    /** Starts sampling heap use; the peak counts garbage not yet collected too, as the JVM had to hold it. */
    static PeakSampler samplePeak() {
        return new PeakSampler();
    }

    static final class PeakSampler implements AutoCloseable {

        private final Thread sampler;
        private volatile long peak;

        private PeakSampler() {
            sampler = new Thread(this::sample, "heap-peak-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            while (!Thread.currentThread().isInterrupted()) {
                peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(SAMPLE_INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peak() {
            return peak;
        }

        @Override
        public void close() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
        }
    }
}
