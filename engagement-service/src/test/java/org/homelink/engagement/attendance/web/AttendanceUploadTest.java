package org.homelink.engagement.attendance.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.attendance.command.AttendanceCommands.ImportAttendanceMarks;
import org.homelink.engagement.attendance.query.AttendanceProjection;
import org.homelink.engagement.attendance.query.AttendanceQueries;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.engagement.testing.Staff;
import org.homelink.platform.web.ProblemResponses;
import org.homelink.platform.web.WebConventionsAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A register file's way in, the controller alone over the service's web conventions: its size limit, and the day it
 * is checked against. The stores and the command bus are stand-ins, so that the clock and the limit can be the
 * test's own.
 */
class AttendanceUploadTest {

    private static final String TRUST = "riverside";
    private static final String NORTH = "930001";
    private static final String PATH = "/api/engagement/attendance/schools/" + NORTH + "/marks";

    private final CommandGateway commands = mock(CommandGateway.class);
    private final FamilyEngagementProjection directory = mock(FamilyEngagementProjection.class);
    private final AttendanceProjection registers = mock(AttendanceProjection.class);

    @BeforeEach
    void hodanIsOnNorthsRoll() {
        when(directory.roll(NORTH)).thenReturn(Optional.of(
                new SchoolRoll(NORTH, TRUST, "North Primary", List.of("warsame"), null, null, null)));
        when(directory.families(List.of("warsame"))).thenReturn(List.of(new EngagementFamily(
                "warsame", TRUST, List.of(NORTH), "The Warsame family", Instant.EPOCH, 1, List.of(),
                List.of(new EngagementFamily.Child("hodan", "Hodan", YearGroup.YEAR_3, NORTH, true)), List.of(), null,
                List.of(), List.of())));
        when(commands.sendAndWait(any(ImportAttendanceMarks.class))).thenReturn(true);
        when(registers.shows(eq(NORTH), anyString())).thenReturn(true);
    }

    @Test
    void aFileOverTheLimitIsRefusedAs413NamingTheFileAndNothingIsImported() throws Exception {
        MockMvc web = web(Clock.systemUTC(), DataSize.ofKilobytes(1));
        byte[] file = "hodan,2026-03-02,AM,/\n".repeat(100).getBytes(StandardCharsets.UTF_8);

        web.perform(post(PATH).headers(officer()).contentType("text/csv").content(file))
           .andExpect(status().isPayloadTooLarge())
           .andExpect(jsonPath("$.type").value("urn:homelink:problem:too-large"))
           .andExpect(jsonPath("$.field").value("file"))
           .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 KB")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRegisterMarkedJustAfterMidnightInLondonIsTodaysNotTomorrows() throws Exception {
        // 00:30 on 1 July in London, when the service's clock in UTC still says 30 June.
        MockMvc web = web(Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC), DataSize.ofMegabytes(1));

        web.perform(post(PATH).headers(officer()).contentType("text/csv")
                              .content("hodan,2026-07-01,AM,/\n".getBytes(StandardCharsets.UTF_8)))
           .andExpect(status().isCreated())
           .andExpect(jsonPath("$.marks").value(1));
    }

    private MockMvc web(Clock clock, DataSize maxSize) {
        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
        new WebConventionsAutoConfiguration().addArgumentResolvers(resolvers);
        return MockMvcBuilders.standaloneSetup(new AttendanceController(
                                      commands, directory, registers, new AttendanceQueries(registers), clock,
                                      Duration.ofSeconds(1), maxSize))
                              .setCustomArgumentResolvers(resolvers.toArray(HandlerMethodArgumentResolver[]::new))
                              .setControllerAdvice(new ProblemResponses())
                              .build();
    }

    private static org.springframework.http.HttpHeaders officer() {
        return Staff.at(TRUST, "attendance-officer", "officer-n", NORTH);
    }
}
