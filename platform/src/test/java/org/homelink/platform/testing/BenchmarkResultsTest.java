package org.homelink.platform.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkResultsTest {

    @TempDir
    Path folder;

    @Test
    void eachBenchmarkReplacesOnlyItsOwnSection() throws Exception {
        Path file = folder.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\nHand-written.\n");

        BenchmarkResults.writeSection(file, "event-store", "first\n");
        BenchmarkResults.writeSection(file, "reach", "reach one\n");
        BenchmarkResults.writeSection(file, "event-store", "second\n");

        String text = Files.readString(file);
        assertThat(text).startsWith("# Benchmarks\n\nHand-written.\n\n")
                        .contains("second\n").doesNotContain("first\n")
                        .contains("reach one\n");
        assertThat(text.indexOf("second")).isLessThan(text.indexOf("reach one"));
    }

    @Test
    void aFolderThatDoesNotExistIsReportedNotCreated() {
        assertThat(BenchmarkResults.writeSection(folder.resolve("missing/benchmarks.md"), "reach", "x\n")).isFalse();
        assertThat(folder.resolve("missing")).doesNotExist();
    }

    @Test
    void percentilesAreByNearestRank() {
        LatencySample sample = new LatencySample();
        for (int i = 100; i >= 1; i--) {
            sample.add(i * 1_000_000L);
        }
        assertThat(sample.medianMillis()).isEqualTo(50.0);
        assertThat(sample.p99Millis()).isEqualTo(99.0);
        assertThat(sample.maxMillis()).isEqualTo(100.0);
    }
}
