package org.homelink.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The documents the audit trail is kept in, each found by its {@code _id} alone: the embedded store answers only
 * equality and {@code $in} on {@code _id} without reading every document, and a school leader's question is always
 * "this family over these months" or "this school on this day". Ids carry their period, so that expiring old entries
 * needs no index either:
 * <ul>
 *     <li>{@code family:<familyId>:<yyyy-MM>}: everything done to one family in a month;</li>
 *     <li>{@code school:<trustId>:<urn>:<yyyy-MM-dd>}: everything concerning one school in a day (URNs are national,
 *     but a school can be registered by more than one trust, so the trust is part of the id);</li>
 *     <li>{@code trust:<trustId>:<yyyy-MM-dd>}: what concerned the whole trust in a day (a trust leader's list
 *     across its schools), shown in each of its schools' days;</li>
 *     <li>{@code organisation:<organisationId>:<yyyy-MM-dd>}: a partner's request that named no family (its list of
 *     referrals), which belongs to no trust or school.</li>
 * </ul>
 * Days and months are the UK's, as schools count them.
 */
final class AuditBuckets {

    static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");

    private AuditBuckets() {
    }

    static String family(String familyId, YearMonth month) {
        return "family:" + familyId + ":" + month;
    }

    static String school(String trustId, String schoolUrn, LocalDate day) {
        return "school:" + trustId + ":" + schoolUrn + ":" + day;
    }

    static String trust(String trustId, LocalDate day) {
        return "trust:" + trustId + ":" + day;
    }

    static String organisation(String organisationId, LocalDate day) {
        return "organisation:" + organisationId + ":" + day;
    }

    /** Every bucket an entry belongs in. */
    static Set<String> of(AuditEntry entry) {
        LocalDate day = LocalDate.ofInstant(entry.at(), SCHOOL_TIME);
        Set<String> buckets = new LinkedHashSet<>();
        for (String familyId : entry.familyIds()) {
            buckets.add(family(familyId, YearMonth.from(day)));
        }
        if (entry.trustId() != null) {
            if (entry.schoolUrns().isEmpty()) {
                buckets.add(trust(entry.trustId(), day));
            }
            for (String urn : entry.schoolUrns()) {
                buckets.add(school(entry.trustId(), urn, day));
            }
        }
        if (buckets.isEmpty() && entry.by().organisationId() != null) {
            buckets.add(organisation(entry.by().organisationId(), day));
        }
        return buckets;
    }

    /** A family's buckets for the months from {@code from} to {@code to}. */
    static List<String> family(String familyId, LocalDate from, LocalDate to) {
        List<String> buckets = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            buckets.add(family(familyId, month));
        }
        return buckets;
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SCHOOL_TIME).toInstant();
    }
}
