package org.homelink.engagement.messages.channels;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MobileNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "07700 900123         | +447700900123",
            "07700-900-123        | +447700900123",
            "+44 7700 900123      | +447700900123",
            "+44 (0)7700 900123   | +447700900123",
            "0044 7700 900123     | +447700900123",
            "447700900123         | +447700900123",
            "07624 123456         | +447624123456",
            "+33 6 12 34 56 78    | +33612345678",
            "+252 61 234 5678     | +252612345678"})
    void writesAMobileNumberAsE164(String written, String e164) {
        assertThat(MobileNumbers.e164(written)).contains(e164);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "020 7946 0018", "+44 20 7946 0018", "0161 496 0000", "0800 123 4567",
            "0870 010 0222", "07000 123456", "07600 123456", "07700 90012", "07700 9001234", "+44 7700 90012",
            "12345", "+1234", "seven seven zero zero"})
    void refusesWhatCannotTakeAText(String written) {
        assertThat(MobileNumbers.e164(written)).isEmpty();
    }
}
