package org.homelink.engagement.attendance.concerns.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A concern's id is its school, its pupil and its number: the number is read back from the id alone. */
class ConcernCommandsTest {

    @Test
    void aConcernsNumberIsReadFromItsIdForItsOwnPupilOnly() {
        String second = ConcernCommands.idOf("950001", "a", 2);

        assertThat(ConcernCommands.numberOf(second, "950001", "a")).hasValue(2);
        assertThat(ConcernCommands.numberOf(ConcernCommands.idOf("950001", "a-1", 3), "950001", "a"))
                .as("pupil a-1's third, not pupil a's").isEmpty();
        assertThat(ConcernCommands.numberOf(second, "950002", "a")).as("another school's").isEmpty();
    }
}
