package org.homelink.engagement.attendance.command;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import org.homelink.engagement.attendance.command.AttendanceRules.UnreadableRegister;
import org.homelink.engagement.attendance.events.AttendanceMarksImported.PupilMarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A register export from the school's management information system: one mark a line, {@code pupil,date,session,code}
 * (a header line of those names is optional), dates as ISO-8601, sessions {@code AM} or {@code PM}. The whole file is
 * checked before anything of it is kept, so that a file with one bad line is stored not at all, and every bad line is
 * named by its number.
 */
public final class AttendanceFile {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** Comma-separated, a value that holds a comma in double quotes; no escape character, since {@code \} is a code. */
    private static final CsvFactory CSV = new CsvFactory();

    /** A line that cannot be imported, and why. Lines count from 1, the header included. */
    public record LineError(int line, String field, String detail) {
    }

    /** The file's marks, grouped as {@link PupilMarks} over the file's days; or the lines at fault. */
    public record Parsed(List<LocalDate> days, List<PupilMarks> pupils, int marks, List<LineError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** What the school's directory knows of a pupil at this school. */
    public record Pupil(String childId, String familyId, org.homelink.contracts.family.YearGroup yearGroup) {
    }

    private AttendanceFile() {
    }

    /**
     * The file as the school's system exported it: text in UTF-8, with or without a byte-order mark.
     *
     * @throws UnreadableRegister when it is not UTF-8 text
     */
    public static Parsed parse(byte[] file, AttendanceCodes codes, Function<String, Pupil> pupils, LocalDate today) {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                                            .onMalformedInput(CodingErrorAction.REPORT)
                                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                                            .decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableRegister();
        }
        return parse(content, codes, pupils, today);
    }

    /**
     * @param pupils the pupils on the school's roll, by child id
     * @param today  a register is not marked ahead: a date after today is an error
     */
    public static Parsed parse(String content, AttendanceCodes codes, Function<String, Pupil> pupils,
                               LocalDate today) {
        List<LineError> errors = new ArrayList<>();
        // pupil -> date -> [AM, PM]; and where each mark came from, to name a duplicate's first line
        Map<String, TreeMap<LocalDate, String[]>> byPupil = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Pupil> known = new HashMap<>();
        int marks = 0;
        // Spreadsheets save UTF-8 with a byte-order mark, which would otherwise be part of the first line's first value.
        String text = content.startsWith(BYTE_ORDER_MARK) ? content.substring(1) : content;
        for (Line line : lines(text, errors)) {
            int number = line.number();
            List<String> cells = line.cells();
            if (cells.stream().allMatch(String::isBlank)
                || (number == 1 && String.join(",", cells).toLowerCase(Locale.ROOT).replace(" ", "")
                                         .equals("pupil,date,session,code"))) {
                continue;
            }
            if (cells.size() != 4) {
                errors.add(new LineError(number, "line", "A line has four values: pupil, date, session, code"));
                continue;
            }
            String childId = cells.get(0);
            String code = cells.get(3);
            String session = cells.get(2).toUpperCase(Locale.ROOT);
            int before = errors.size();
            LocalDate date = null;
            try {
                date = LocalDate.parse(cells.get(1));
                if (date.isAfter(today)) {
                    errors.add(new LineError(number, "date", "A register is not marked ahead of the day"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new LineError(number, "date", "A date is written as YYYY-MM-DD"));
            }
            if (!session.equals("AM") && !session.equals("PM")) {
                errors.add(new LineError(number, "session", "A session is AM or PM"));
            }
            if (codes.find(code).isEmpty()) {
                errors.add(new LineError(number, "code", "Not a DfE attendance code"));
            }
            Pupil pupil = childId.isEmpty() ? null : known.computeIfAbsent(childId, pupils);
            if (pupil == null) {
                errors.add(new LineError(number, "pupil", "No pupil with this id on the school's roll"));
            }
            if (errors.size() > before) {
                continue;
            }
            String key = childId + "|" + date + "|" + session;
            Integer first = firstLine.putIfAbsent(key, number);
            if (first != null) {
                errors.add(new LineError(number, "session", "This pupil's session is marked already, on line " + first));
                continue;
            }
            byPupil.computeIfAbsent(childId, id -> new TreeMap<>())
                   .computeIfAbsent(date, d -> new String[]{"", ""})[session.equals("AM") ? 0 : 1] = code;
            marks++;
        }
        if (!errors.isEmpty()) {
            // In the file's order: a quote left open is found before the lines above it are checked.
            errors.sort(Comparator.comparingInt(LineError::line));
            return new Parsed(List.of(), List.of(), 0, List.copyOf(errors));
        }
        TreeSet<LocalDate> allDays = new TreeSet<>();
        byPupil.values().forEach(days -> allDays.addAll(days.keySet()));
        List<LocalDate> days = List.copyOf(allDays);
        List<PupilMarks> register = new ArrayList<>(byPupil.size());
        new TreeMap<>(byPupil).forEach((childId, marked) -> {
            List<String> sessions = new ArrayList<>(days.size() * 2);
            for (LocalDate day : days) {
                String[] both = marked.getOrDefault(day, new String[]{"", ""});
                sessions.add(both[0]);
                sessions.add(both[1]);
            }
            Pupil pupil = known.get(childId);
            register.add(new PupilMarks(childId, pupil.familyId(), pupil.yearGroup(), sessions));
        });
        return new Parsed(days, register, marks, List.of());
    }

    /** One record of the file: the line it starts on (a quoted value may span lines) and its values, stripped. */
    private record Line(int number, List<String> cells) {
    }

    /**
     * The file's records as CSV has them: a value in double quotes may hold commas, and a doubled quote within it
     * stands for one. A quote left open ends the reading there, with an error on the line it opened on.
     */
    private static List<Line> lines(String text, List<LineError> errors) {
        List<Line> lines = new ArrayList<>();
        int number = 1; // the line the record being read starts on
        try (JsonParser parser = CSV.createParser(text)) {
            List<String> cells = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    if (cells.isEmpty()) {
                        number = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText().strip());
                } else if (token == JsonToken.END_ARRAY) {
                    lines.add(new Line(number, List.copyOf(cells)));
                    cells.clear();
                    number = parser.currentTokenLocation().getLineNr() + 1;
                }
            }
        } catch (JsonProcessingException e) {
            errors.add(new LineError(number, "line",
                                     "A double quote opened here is not closed, so the file is read no further"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
