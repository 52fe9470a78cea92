package org.homelink.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the audit trail every service writes: a family's, over some days, and a school's day. Both newest first.
 * Who may read which is for the service that answers: family-service, which knows each family's schools.
 */
public class AuditTrailReader {

    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::at).reversed()
                                                                          .thenComparing(AuditEntry::route);

    private final AuditStore store;

    AuditTrailReader(AuditStore store) {
        this.store = store;
    }

    /** What was done to a family from the start of {@code from} to the end of {@code to}, as schools count days. */
    public List<AuditEntry> family(String familyId, LocalDate from, LocalDate to) {
        Instant start = AuditBuckets.startOf(from);
        Instant end = AuditBuckets.startOf(to.plusDays(1));
        return sorted(store.entries(AuditBuckets.family(familyId, from, to)).stream()
                           .map(AuditDocuments::fromDocument)
                           .filter(entry -> !entry.at().isBefore(start) && entry.at().isBefore(end))
                           .toList());
    }

    /** What concerned a school of a trust on a day, with what concerned the whole trust that day. */
    public List<AuditEntry> schoolDay(String trustId, String schoolUrn, LocalDate day) {
        return sorted(store.entries(List.of(AuditBuckets.school(trustId, schoolUrn, day),
                                            AuditBuckets.trust(trustId, day))).stream()
                           .map(AuditDocuments::fromDocument).toList());
    }

    private static List<AuditEntry> sorted(List<AuditEntry> entries) {
        List<AuditEntry> sorted = new ArrayList<>(entries);
        sorted.sort(NEWEST_FIRST);
        return sorted;
    }
}
