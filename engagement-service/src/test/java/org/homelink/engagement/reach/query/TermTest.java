package org.homelink.engagement.reach.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms by name, by the day they contain, and by dates, counted in London's days. */
class TermTest {

    @Test
    void namedTermsCoverTheSchoolYearAndItsHolidays() {
        assertThat(Term.named("autumn-2026"))
                .contains(new Term("autumn-2026", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Term.named("spring-2027"))
                .contains(new Term("spring-2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)));
        assertThat(Term.named("summer-2027"))
                .contains(new Term("summer-2027", LocalDate.of(2027, 4, 1), LocalDate.of(2027, 8, 31)));
    }

    @Test
    void aNameIsReadWhateverItsCaseAndSurroundingSpace() {
        assertThat(Term.named(" Summer-2026 ")).map(Term::name).contains("summer-2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"winter-2026", "autumn-26", "autumn 2026", "autumn-2026-2027", ""})
    void anythingElseIsNoTerm(String name) {
        assertThat(Term.named(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({"2026-09-01, autumn-2026", "2026-12-31, autumn-2026", "2027-01-01, spring-2027",
            "2027-03-31, spring-2027", "2027-04-01, summer-2027", "2027-08-31, summer-2027"})
    void eachDayIsInTheNamedTermOfItsMonth(LocalDate day, String term) {
        assertThat(Term.containing(day)).isEqualTo(Term.named(term).orElseThrow());
    }

    @Test
    void aTermByDatesIsNamedByThem() {
        Term term = Term.between(LocalDate.of(2026, 4, 13), LocalDate.of(2026, 5, 22));

        assertThat(term.name()).isEqualTo("2026-04-13..2026-05-22");
        // Midnight on the 13th of April in London is eleven the night before by UTC.
        assertThat(term.contains(Instant.parse("2026-04-12T23:00:00Z"))).isTrue();
        assertThat(term.contains(Instant.parse("2026-04-12T22:59:59Z"))).isFalse();
        assertThat(term.contains(Instant.parse("2026-05-22T22:59:59Z"))).isTrue();
        assertThat(term.contains(Instant.parse("2026-05-22T23:00:00Z"))).isFalse();
    }

    @ParameterizedTest(name = "{0} is in {1}: {2}")
    @CsvSource({
            // Winter: London keeps UTC.
            "2025-12-31T23:59:59Z, spring-2026, false",
            "2026-01-01T00:00:00Z, spring-2026, true",
            "2026-12-31T23:59:59Z, autumn-2026, true",
            // Summer time began on the 29th of March 2026: London's days start at eleven the night before, UTC.
            "2026-03-31T22:59:59Z, spring-2026, true",
            "2026-03-31T23:00:00Z, spring-2026, false",
            "2026-03-31T23:00:00Z, summer-2026, true",
            "2026-08-31T22:59:59Z, summer-2026, true",
            "2026-08-31T23:00:00Z, summer-2026, false",
            "2026-08-31T23:00:00Z, autumn-2026, true"})
    void containsTheMomentsOfItsDaysInLondon(Instant moment, String term, boolean contains) {
        assertThat(Term.named(term).orElseThrow().contains(moment)).isEqualTo(contains);
    }
}
