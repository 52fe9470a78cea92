package org.homelink.platform.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies standard output and error aside while a test class runs, and looks through the copy at the end. */
final class PersonalDataWatch implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PersonalDataWatch.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        context.getStore(NAMESPACE).put("streams", new Streams(out, err, copy));
        System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Streams streams = context.getStore(NAMESPACE).remove("streams", Streams.class);
        System.setOut(streams.out());
        System.setErr(streams.err());
        String written;
        synchronized (streams.copy()) {
            written = streams.copy().toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        }
        List<String> personal = List.of(context.getRequiredTestClass().getAnnotation(NoPersonalDataInLogs.class)
                                               .value());
        assertThat(written).as("what the test class's run wrote").isNotEmpty();
        for (String value : personal) {
            assertThat(written).as("personal data in the logs").doesNotContain(value.toLowerCase(Locale.ROOT));
        }
    }

    private record Streams(PrintStream out, PrintStream err, ByteArrayOutputStream copy) {
    }

    /** Writes through to the real stream, and to the copy. */
    private static final class Tee extends OutputStream {

        private final OutputStream real;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream real, ByteArrayOutputStream copy) {
            this.real = real;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                real.write(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            try {
                real.write(bytes, offset, length);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            real.flush();
        }
    }
}
