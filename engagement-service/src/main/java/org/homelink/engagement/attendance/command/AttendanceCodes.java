package org.homelink.engagement.attendance.command;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The DfE's attendance codes, read from {@code attendance/attendance-codes.csv} (a copy of the project's shared
 * standard) rather than written out here, so that when the DfE changes a code the table changes and the code does not.
 */
public final class AttendanceCodes {

    /** What a code says about a session, named as the standard's {@code category} column names it. */
    public enum Category {
        PRESENT, APPROVED_EDUCATIONAL_ACTIVITY, AUTHORISED_ABSENCE, UNAUTHORISED_ABSENCE, NOT_COUNTED,
        UNABLE_TO_ATTEND
    }

    /**
     * @param possible whether the session counts as one the pupil could have attended
     * @param absence  whether it counts as a session missed
     */
    public record Code(String code, String meaning, Category category, boolean possible, boolean absence) {

        /** Present or at an approved educational activity: what the attendance rate counts. */
        public boolean attended() {
            return possible && !absence;
        }

        public boolean unauthorised() {
            return category == Category.UNAUTHORISED_ABSENCE;
        }
    }

    /**
     * Coming late: before the register closed (present) and after it (an unauthorised absence). The table has no
     * column for lateness, so these two are named here.
     */
    public static final String LATE_BEFORE_REGISTER_CLOSED = "L";
    public static final String LATE_AFTER_REGISTER_CLOSED = "U";

    private static final AttendanceCodes STANDARD = load("/attendance/attendance-codes.csv");

    private final Map<String, Code> codes;

    private AttendanceCodes(Map<String, Code> codes) {
        this.codes = Map.copyOf(codes);
    }

    public static AttendanceCodes standard() {
        return STANDARD;
    }

    public Optional<Code> find(String code) {
        return Optional.ofNullable(codes.get(code));
    }

    public Code of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Not an attendance code: " + code));
    }

    public int size() {
        return codes.size();
    }

    static AttendanceCodes load(String resource) {
        try (InputStream in = AttendanceCodes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The attendance codes are missing from the service: " + resource);
            }
            // By the header's column names, as CSV: a meaning may one day hold a comma, in quotes.
            CsvSchema table = CsvSchema.emptySchema().withHeader().withComments();
            Map<String, Code> codes = new LinkedHashMap<>();
            try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                                                                              .with(table).readValues(in)) {
                while (rows.hasNext()) {
                    Map<String, String> row = rows.next();
                    Code code = new Code(row.get("code").strip(), row.get("meaning").strip(),
                                         Category.valueOf(row.get("category").strip().toUpperCase(Locale.ROOT)),
                                         yes(row.get("counts_as_possible_session")), yes(row.get("counts_as_absence")));
                    codes.put(code.code(), code);
                }
            }
            return new AttendanceCodes(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean yes(String cell) {
        return "yes".equalsIgnoreCase(cell.strip());
    }
}
