package org.homelink.platform.testing;

import com.jayway.jsonpath.JsonPath;
import org.homelink.platform.testing.EndpointMatrix.Endpoint;
import org.homelink.platform.web.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenancy matrix: every endpoint of a service called on a record of school A of trust T by everyone who might
 * ask, in every role the endpoint allows, and what each must get. Staff at A and T's leader get the endpoint's
 * success; staff at school B of the same trust, and staff and the leader of trust U, are told the record does not
 * exist (or that a rule refuses them) in words that name nothing of it, and a write of theirs stores nothing; a
 * partner organisation's worker is refused, unless the record is addressed to their organisation. Lists answer each
 * caller with their own records only, and count only those. Every POST carries the {@code Idempotency-Key} of the
 * owner's success before it, so an answer kept for a retry never reaches another caller either.
 * <p>
 * A service's test describes one {@link Row} per endpoint (how to make a request on a record of A, and what each
 * {@link Standing} gets); {@link #assertCovers} fails when the service has an endpoint with no row, so a new endpoint
 * cannot be left out. No token and an expired token are {@link EndpointMatrix}'s doors, checked for every endpoint.
 */
public final class TenancyMatrix {

    private static final Logger log = LoggerFactory.getLogger(TenancyMatrix.class);

    /** Where a caller stands towards the record of a row: the matrix's columns. */
    public enum Standing {
        /** Staff at school A, in each role the endpoint allows: the record is theirs. */
        OWN_SCHOOL,
        /** The leader of trust T, whose schools are all theirs. */
        OWN_TRUST,
        /** Staff at school B of the same trust, in each role the endpoint allows. */
        OTHER_SCHOOL,
        /** Staff at school C of trust U, in each role the endpoint allows, and U's leader. */
        OTHER_TRUST,
        /** A worker of a partner organisation the record is not addressed to. */
        PARTNER,
        /** A worker of the partner organisation the record is addressed to: only in the rows that say so. */
        ADDRESSED_PARTNER
    }

    /**
     * The trusts, schools and organisations the matrix's callers act for.
     *
     * @param addressedOrganisation the organisation records are addressed to, for {@link Standing#ADDRESSED_PARTNER}
     * @param otherOrganisation     another organisation, for {@link Standing#PARTNER}
     */
    public record Tenancy(String trust, String schoolA, String schoolB, String otherTrust, String schoolC,
                          String addressedOrganisation, String otherOrganisation) {

        /** The same schools, for a trust of another id: for a row about registering a trust. */
        public Tenancy withTrust(String trustId) {
            return new Tenancy(trustId, schoolA, schoolB, otherTrust, schoolC, addressedOrganisation,
                               otherOrganisation);
        }
    }

    /** One caller of the matrix: where they stand, in which role, and the token they send. */
    public record Caller(Standing standing, Role role, String token) {

        @Override
        public String toString() {
            return standing + " as " + role.claimValue();
        }
    }

    /**
     * A request on a record of school A, and for a write how to read back what is stored about the record (null
     * for a read): what a refused write must leave as it was, and a successful one change.
     *
     * @param body a JSON body, a multipart form, or null
     */
    public record Target(String path, Object body, Supplier<?> stored) {

        public static Target read(String path) {
            return new Target(path, null, null);
        }

        public static Target write(String path, Object body, Supplier<?> stored) {
            return new Target(path, body, Objects.requireNonNull(stored, "a write needs a way to read it back"));
        }

        boolean writes() {
            return stored != null;
        }
    }

    /** What a caller of a standing gets. */
    public sealed interface Outcome permits Succeeds, Refused, Lists {
    }

    /** The endpoint's success. */
    public record Succeeds(int status) implements Outcome {
    }

    /** A refusal that names nothing of the record: 404, or a broken rule, or 403; a write stores nothing. */
    public record Refused(int status) implements Outcome {
    }

    /**
     * A list: 200, with every id the standing may see ({@code visible}) and none that another standing sees and it
     * does not; the total, when the answer has one, counts only what is listed. Requests must ask for a page large
     * enough to hold them all.
     *
     * @param idsPath   where the listed ids are, as a JsonPath
     * @param totalPath where the total is, or null
     * @param visible   the ids of records each standing may see; the sets are read when the list is checked
     */
    public record Lists(String idsPath, String totalPath, Map<Standing, Set<String>> visible) implements Outcome {
    }

    public static Outcome succeeds(int status) {
        return new Succeeds(status);
    }

    /** Not found, word for word as a record that does not exist. */
    public static Outcome hidden() {
        return new Refused(404);
    }

    public static Outcome refused(int status) {
        return new Refused(status);
    }

    public static Outcome forbidden() {
        return new Refused(403);
    }

    /** One endpoint's row: how to call it on a record of A, and what each standing gets. */
    public static final class Row {

        private final HttpMethod method;
        private final String pattern;
        private final Supplier<Target> target;
        private final Map<Standing, Outcome> outcomes = new EnumMap<>(Standing.class);
        private final Outcome own;
        private MediaType consumes = MediaType.APPLICATION_JSON;
        private Tenancy tenancy;
        private String name;

        private Row(HttpMethod method, String pattern, Supplier<Target> target, Outcome own, Outcome others) {
            this.method = method;
            this.pattern = pattern;
            this.target = target;
            this.own = own;
            outcomes.put(Standing.OWN_SCHOOL, own);
            outcomes.put(Standing.OWN_TRUST, own);
            outcomes.put(Standing.OTHER_SCHOOL, others);
            outcomes.put(Standing.OTHER_TRUST, others);
            // Refused with 403 instead where the endpoint is not open to partners at all.
            outcomes.put(Standing.PARTNER, others);
        }

        /**
         * An endpoint on one record of A: its owners get {@code status}; B, U and partners of other organisations
         * are told it does not exist (partners are refused with 403 where the endpoint is not theirs at all).
         * {@code target} is asked again before each success of a write, for a record in a state the write can
         * change.
         */
        public static Row of(HttpMethod method, String pattern, int status, Supplier<Target> target) {
            return new Row(method, pattern, target, succeeds(status), hidden());
        }

        /** A list or search: every caller gets 200 and their own records. */
        public static Row list(HttpMethod method, String pattern, Supplier<Target> target, Lists lists) {
            return new Row(method, pattern, target, lists, lists);
        }

        /** What callers of a standing get, instead of the default. */
        public Row expect(Standing standing, Outcome outcome) {
            outcomes.put(standing, outcome);
            return this;
        }

        /** Callers of these standings get what A's staff get: for what is not A's alone. */
        public Row asOwnFor(Standing... standings) {
            for (Standing standing : standings) {
                outcomes.put(standing, own);
            }
            return this;
        }

        /** Only these standings are called: for an endpoint whose one success depends on who succeeds. */
        public Row only(Standing... standings) {
            outcomes.keySet().retainAll(Set.of(standings));
            return this;
        }

        /** The media type the endpoint takes, where a path and method have two handlers. */
        public Row consumes(MediaType mediaType) {
            this.consumes = mediaType;
            return this;
        }

        /** Callers act for these trusts and schools instead of the matrix's. */
        public Row tenancy(Tenancy rowTenancy) {
            this.tenancy = rowTenancy;
            return this;
        }

        /** Says which of several rows of one endpoint this is. */
        public Row named(String rowName) {
            this.name = rowName;
            return this;
        }

        String key() {
            return TenancyMatrix.key(method, pattern, consumes);
        }

        @Override
        public String toString() {
            return method + " " + pattern + (name == null ? "" : " (" + name + ")");
        }
    }

    private final TestRestTemplate http;
    private final Tenancy tenancy;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Supplier<? extends Collection<String>> secrets;
    private int calls;

    /**
     * @param secrets what must never reach a caller to whom A's records are not theirs: distinctive words of A's
     *                families (names, notes) and the ids of A's records; read at each check, so it may grow as
     *                rows make records. An id in the request's own path is not a secret to its caller.
     */
    public TenancyMatrix(TestRestTemplate http, Tenancy tenancy, List<Endpoint> endpoints,
                         Supplier<? extends Collection<String>> secrets) {
        this.http = http;
        this.tenancy = tenancy;
        endpoints.forEach(endpoint -> this.endpoints.put(key(endpoint.method(), endpoint.pattern(),
                                                             endpoint.consumes()), endpoint));
        this.secrets = secrets;
    }

    /** The rows cover every endpoint of the service, and name none it does not have. */
    public void assertCovers(List<Row> rows) {
        Set<String> covered = rows.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).as("endpoints with a row of the tenancy matrix")
                           .containsExactlyInAnyOrderElementsOf(new TreeSet<>(endpoints.keySet()));
    }

    /** Calls every row as every standing and checks each answer; returns how many calls it made. */
    public int run(List<Row> rows) {
        long started = System.nanoTime();
        calls = 0;
        for (Row row : rows) {
            run(row);
        }
        log.info("Tenancy matrix: {} rows over {} endpoints, {} calls, {} ms", rows.size(), endpoints.size(), calls,
                 (System.nanoTime() - started) / 1_000_000);
        return calls;
    }

    private void run(Row row) {
        Endpoint endpoint = endpoints.get(row.key());
        assertThat(endpoint).as("an endpoint for the row " + row).isNotNull();
        Tenancy rowTenancy = row.tenancy != null ? row.tenancy : tenancy;
        List<Caller> succeeding = new ArrayList<>();
        Map<Caller, Outcome> others = new LinkedHashMap<>();
        for (Map.Entry<Standing, Outcome> column : row.outcomes.entrySet()) {
            Outcome outcome = column.getKey() == Standing.PARTNER && !endpoint.allows(Role.PARTNER)
                    ? forbidden() : column.getValue();
            for (Caller caller : callers(column.getKey(), endpoint, rowTenancy)) {
                if (outcome instanceof Succeeds) {
                    succeeding.add(caller);
                } else {
                    others.put(caller, outcome);
                }
            }
        }
        assertThat(succeeding.size() + others.size()).as("callers of " + row).isPositive();
        Target target = row.target.get();
        // The first success goes first and everyone after it sends its Idempotency-Key: a key must never answer one
        // caller from another's request.
        String key = UUID.randomUUID().toString();
        Iterator<Caller> successes = succeeding.iterator();
        if (successes.hasNext()) {
            succeed(row, target, successes.next(), key);
        }
        Object stored = target.writes() ? target.stored().get() : null;
        for (Map.Entry<Caller, Outcome> other : others.entrySet()) {
            Caller caller = other.getKey();
            ResponseEntity<String> answer = call(row, target, caller, key);
            String as = row + " " + caller + ": " + answer.getBody();
            if (other.getValue() instanceof Refused refused) {
                assertRefused(answer, refused, target, as);
            } else {
                assertLists(answer, (Lists) other.getValue(), caller.standing(), target, as);
            }
            if (target.writes()) {
                assertThat(target.stored().get()).as("stored after " + as).isEqualTo(stored);
            }
        }
        while (successes.hasNext()) {
            // Each success of a write gets a record in a state the write can change.
            succeed(row, target.writes() ? row.target.get() : target, successes.next(), UUID.randomUUID().toString());
        }
    }

    private void succeed(Row row, Target target, Caller caller, String key) {
        Object before = target.writes() ? target.stored().get() : null;
        ResponseEntity<String> answer = call(row, target, caller, key);
        assertThat(answer.getStatusCode().value()).as(row + " " + caller + ": " + answer.getBody())
                                                  .isEqualTo(((Succeeds) row.outcomes.get(caller.standing())).status());
        if (target.writes()) {
            assertThat(target.stored().get()).as("what " + row + " " + caller + " stored").isNotEqualTo(before);
        }
    }

    private void assertRefused(ResponseEntity<String> answer, Refused refused, Target target, String as) {
        assertThat(answer.getStatusCode().value()).as(as).isEqualTo(refused.status());
        assertThat(answer.getHeaders().getContentType()).as(as).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertNamesNothingOfA(answer, target, as);
    }

    private void assertLists(ResponseEntity<String> answer, Lists lists, Standing standing, Target target,
                             String as) {
        assertThat(answer.getStatusCode().value()).as(as).isEqualTo(200);
        List<String> ids = JsonPath.read(answer.getBody(), lists.idsPath());
        Set<String> visible = lists.visible().getOrDefault(standing, Set.of());
        Set<String> othersOnly = new HashSet<>();
        lists.visible().values().forEach(othersOnly::addAll);
        othersOnly.removeAll(visible);
        assertThat(ids).as(as).containsAll(visible);
        assertThat(ids).as("listed to " + as + " though not theirs").filteredOn(othersOnly::contains).isEmpty();
        if (lists.totalPath() != null) {
            Number total = JsonPath.read(answer.getBody(), lists.totalPath());
            assertThat(total.longValue()).as("the total counts only what " + as + " lists").isEqualTo(ids.size());
        }
        if (standing == Standing.OTHER_SCHOOL || standing == Standing.OTHER_TRUST || standing == Standing.PARTNER) {
            assertNamesNothingOfA(answer, target, as);
        }
    }

    private void assertNamesNothingOfA(ResponseEntity<String> answer, Target target, String as) {
        String body = Objects.requireNonNullElse(answer.getBody(), "").toLowerCase(Locale.ROOT);
        String path = target.path().toLowerCase(Locale.ROOT);
        for (String secret : secrets.get()) {
            String word = secret.toLowerCase(Locale.ROOT);
            if (!path.contains(word)) {
                assertThat(body).as("names nothing of A's records: " + as).doesNotContain(word);
            }
        }
    }

    private List<Caller> callers(Standing standing, Endpoint endpoint, Tenancy at) {
        List<Caller> callers = new ArrayList<>();
        switch (standing) {
            case OWN_SCHOOL -> schoolRoles(endpoint).forEach(role -> callers.add(new Caller(
                    standing, role, TestTokens.staff(at.trust(), role.claimValue(), "own-" + role.claimValue(),
                                                     at.schoolA()))));
            case OWN_TRUST -> {
                if (endpoint.allows(Role.TRUST_LEADER)) {
                    callers.add(new Caller(standing, Role.TRUST_LEADER,
                                           TestTokens.staff(at.trust(), "trust-leader", "own-leader")));
                }
            }
            case OTHER_SCHOOL -> schoolRoles(endpoint).forEach(role -> callers.add(new Caller(
                    standing, role, TestTokens.staff(at.trust(), role.claimValue(), "other-" + role.claimValue(),
                                                     at.schoolB()))));
            case OTHER_TRUST -> {
                schoolRoles(endpoint).forEach(role -> callers.add(new Caller(
                        standing, role, TestTokens.staff(at.otherTrust(), role.claimValue(),
                                                         "stranger-" + role.claimValue(), at.schoolC()))));
                if (endpoint.allows(Role.TRUST_LEADER)) {
                    callers.add(new Caller(standing, Role.TRUST_LEADER,
                                           TestTokens.staff(at.otherTrust(), "trust-leader", "stranger-leader")));
                }
            }
            case PARTNER -> callers.add(new Caller(standing, Role.PARTNER,
                                                   TestTokens.partner(at.otherOrganisation(), "other-worker")));
            case ADDRESSED_PARTNER -> {
                if (endpoint.allows(Role.PARTNER)) {
                    callers.add(new Caller(standing, Role.PARTNER,
                                           TestTokens.partner(at.addressedOrganisation(), "addressed-worker")));
                }
            }
        }
        return callers;
    }

    /** The roles of staff who act at schools that the endpoint allows. */
    private static List<Role> schoolRoles(Endpoint endpoint) {
        return Arrays.stream(Role.values())
                     .filter(role -> role != Role.TRUST_LEADER && role != Role.PARTNER)
                     .filter(endpoint::allows).toList();
    }

    private ResponseEntity<String> call(Row row, Target target, Caller caller, String idempotencyKey) {
        calls++;
        HttpHeaders headers = TestTokens.bearer(caller.token());
        if (row.method == HttpMethod.POST) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        if (target.body() instanceof MultiValueMap<?, ?>) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        } else if (target.body() != null) {
            headers.setContentType(row.consumes);
        }
        return http.exchange(target.path(), row.method, new HttpEntity<>(target.body(), headers), String.class);
    }

    private static String key(HttpMethod method, String pattern, MediaType consumes) {
        return method + " " + pattern + (MediaType.APPLICATION_JSON.includes(consumes) ? "" : " " + consumes);
    }
}
