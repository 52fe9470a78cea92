package org.homelink.partners.families;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SharedFamilyTest {

    @Test
    void childrenAreTheirAgeByTheDateInTheUk() {
        SharedFamily family = new SharedFamily("f", "t", Set.of("900001"), null, Map.of(), Map.of(
                "c1", new SharedFamily.Child("c1", LocalDate.of(2018, 7, 2), "900001"),
                "c2", new SharedFamily.Child("c2", LocalDate.of(2020, 1, 1), "900001"),
                "c3", new SharedFamily.Child("c3", LocalDate.of(2010, 1, 1), null)));
        // Half past midnight on 2 July in London, still 1 July in UTC: the eighth birthday has come.
        Clock clock = Clock.fixed(Instant.parse("2026-07-01T23:30:00Z"), ZoneOffset.UTC);

        assertThat(family.childrensAges(clock)).as("youngest first; a child at no school is left out")
                                               .containsExactly(6, 8);
    }
}
