package org.homelink.engagement.messages.channels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GSM, full                | a  | 160 | 1",
            "GSM, one over            | a  | 161 | 2",
            "GSM, three parts         | a  | 459 | 3",
            "GSM, four parts          | a  | 460 | 4",
            "euro signs count twice   | €  | 80  | 1",
            "euro signs, one over     | €  | 81  | 2",
            "Urdu, full               | ا  | 70  | 1",
            "Urdu, one over           | ا  | 71  | 2",
            "Urdu, three parts        | ا  | 201 | 3"})
    void countsTheTextsAMessageIsSentAs(String why, String character, int times, int segments) {
        assertThat(SmsSegments.count(character.repeat(times))).isEqualTo(segments);
    }

    @Test
    void oneCharacterOutsideTheGsmAlphabetSendsTheWholeTextAsUcs2() {
        assertThat(SmsSegments.count("a".repeat(69) + "ś")).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(70) + "ś")).isEqualTo(2);
        assertThat(SmsSegments.count("Coffee morning 😀")).isEqualTo(1);
    }
}
