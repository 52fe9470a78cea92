package org.homelink.engagement.attendance.command;

import org.homelink.engagement.attendance.events.AttendanceMarksImported.PupilMarks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || (number == 1 && line.toLowerCase().replace(" ", "").equals("pupil,date,session,code"))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                errors.add(new LineError(number, "line", "A line has four values: pupil, date, session, code"));
                continue;
            }
            String childId = cells[0].strip();
            String code = cells[3].strip();
            String session = cells[2].strip().toUpperCase();
            int before = errors.size();
            LocalDate date = null;
            try {
                date = LocalDate.parse(cells[1].strip());
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
}
