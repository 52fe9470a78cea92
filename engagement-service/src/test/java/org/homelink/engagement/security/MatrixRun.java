package org.homelink.engagement.security;

import com.jayway.jsonpath.JsonPath;
import org.homelink.engagement.testing.Staff;
import org.homelink.platform.testing.EndpointMatrix;
import org.homelink.platform.testing.TestTokens;
import org.homelink.platform.web.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.AntPathMatcher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls one row of the matrix as each kind of caller and checks what each gets: the owner the row's success; a
 * school of the same trust and another trust nothing of A's (refused, or an empty list); a partner 403; no token and
 * an expired one 401. No answer but the owner's names anything of A's that the caller did not send, and a refused
 * write leaves the owner's view as it was.
 */
final class MatrixRun {

    /** The roles from least to most: a row is called in the least that its permissions allow. */
    private static final List<Role> LEAST_FIRST = List.of(Role.OFFICE_STAFF, Role.TEACHER, Role.ATTENDANCE_OFFICER,
                                                          Role.KEY_WORKER, Role.SCHOOL_LEADER, Role.TRUST_LEADER);
    private static final Set<Integer> REFUSED = Set.of(404, 422);

    private final TestRestTemplate http;
    private final MatrixWorld world;
    private final List<EndpointMatrix.Endpoint> endpoints;
    private final AntPathMatcher paths = new AntPathMatcher();

    MatrixRun(TestRestTemplate http, MatrixWorld world, List<EndpointMatrix.Endpoint> endpoints) {
        this.http = http;
        this.world = world;
        this.endpoints = endpoints;
    }

    /**
     * Someone who calls: what they are, and their token's header (none for no token).
     *
     * @param ofTheTrust of the record's own trust, at another of its schools
     */
    private record Caller(String who, HttpHeaders headers, boolean ofTheTrust) {

        Caller(String who, HttpHeaders headers) {
            this(who, headers, false);
        }
    }

    void check(MatrixRow row) {
        String path = row.path(world);
        assertThat(paths.match(row.pattern, path.split("\\?")[0])).as("%s is called as %s", path, row).isTrue();
        Object body = row.body(world);
        if (row.outsiders == MatrixRow.Outsiders.PERSONAL_LINK) {
            checkPersonalLink(row, path, body);
            return;
        }
        Role role = row.outsiders == MatrixRow.Outsiders.TRUST_WIDE ? Role.TRUST_LEADER
                : row.role != null ? row.role : leastAllowed(row);
        String school = row.ownSchool.apply(world);
        Caller owner = staff("the owner, a " + role.claimValue() + " at " + school, world.trust, role, school);
        String before = readBack(row);

        ResponseEntity<String> owners = null;
        if (row.outsiders == MatrixRow.Outsiders.THE_SAME) {
            owners = call(row, path, body, owner);
        }
        for (Caller outsider : outsiders(role, school)) {
            ResponseEntity<String> answer = call(row, path, body, outsider);
            expectFromOutsider(row, outsider, answer, owners);
            assertNothingOfA(row, path, body, outsider, answer.getBody());
        }
        String partnerAnswer = expect(row, path, body, partner(), 403);
        assertNothingOfA(row, path, body, partner(), partnerAnswer);
        expect(row, path, body, new Caller("no token", new HttpHeaders()), 401);
        expect(row, path, body, new Caller("an expired token", TestTokens.bearer(
                TestTokens.expired(world.trust, role.claimValue(), world.staffId, school))), 401);
        if (before != null) {
            assertThat(readBack(row)).as("%s: what the owner sees after the refused writes", row).isEqualTo(before);
        }

        if (owners == null) {
            owners = call(row, path, body, owner);
        }
        assertThat(owners.getStatusCode().value()).as("%s for %s: %s", row, owner.who(), owners.getBody())
                                                  .isEqualTo(row.success);
        expectAOfOwner(row, owners.getBody());
    }

    /** The owner sees A's records where outsiders see none: their nothing is a filter at work, not an empty world. */
    private void expectAOfOwner(MatrixRow row, String answer) {
        if (row.outsiders == MatrixRow.Outsiders.LISTED) {
            assertThat(isNothing(JsonPath.read(answer, row.emptyForOutsiders.get(0))))
                    .as("%s for the owner at %s: %s", row, row.emptyForOutsiders.get(0), answer).isFalse();
        } else if (row.outsiders == MatrixRow.Outsiders.TRUST_WIDE) {
            assertThat((List<String>) JsonPath.read(answer, row.schoolsPath)).as("%s for the owner", row)
                                                                             .contains(MatrixWorld.A, MatrixWorld.B);
        }
    }

    private List<Caller> outsiders(Role role, String school) {
        List<Caller> outsiders = new ArrayList<>();
        Role atAnotherSchool = role == Role.TRUST_LEADER ? Role.SCHOOL_LEADER : role;
        Caller atB = staff("a " + atAnotherSchool.claimValue() + " at school B of the same trust", world.trust,
                           atAnotherSchool, MatrixWorld.B);
        outsiders.add(new Caller(atB.who(), atB.headers(), true));
        if (role != Role.TRUST_LEADER) {
            outsiders.add(staff("a " + role.claimValue() + " of another trust naming " + school + " among its schools",
                                world.otherTrust, role, school));
        }
        outsiders.add(staff("the leader of another trust", world.otherTrust, Role.TRUST_LEADER, null));
        return outsiders;
    }

    private void expectFromOutsider(MatrixRow row, Caller outsider, ResponseEntity<String> answer,
                                    ResponseEntity<String> owners) {
        int status = answer.getStatusCode().value();
        String what = row + " for " + outsider.who() + ": " + answer.getBody();
        switch (row.outsiders) {
            case REFUSED -> assertThat(status).as(what).isIn(REFUSED);
            case LISTED -> {
                assertThat(status).as(what).isEqualTo(200);
                for (String empty : row.emptyForOutsiders) {
                    assertThat(isNothing(JsonPath.read(answer.getBody(), empty))).as("%s at %s", what, empty).isTrue();
                }
            }
            case TRUST_WIDE -> {
                if (outsider.ofTheTrust()) {
                    assertThat(status).as(what).isEqualTo(403);
                } else {
                    assertThat(status).as(what).isEqualTo(200);
                    List<String> schools = JsonPath.read(answer.getBody(), row.schoolsPath);
                    assertThat(schools).as(what).containsOnly(MatrixWorld.C);
                }
            }
            case THE_SAME -> {
                assertThat(status).as(what).isEqualTo(200);
                assertThat(answer.getBody()).as(what).isEqualTo(owners.getBody());
            }
            default -> throw new IllegalStateException(row.outsiders + " has no outsiders");
        }
    }

    /**
     * A personal link stands in for sign-in: the carer's link opens the record with no token at all, and a link never
     * issued opens nothing, whoever sends it.
     */
    private void checkPersonalLink(MatrixRow row, String path, Object body) {
        String before = readBack(row);
        String token = row.value("token", world);
        String forged = path.replace(token, "never-issued-" + token.substring(0, 8));
        for (Caller caller : List.of(new Caller("a carer with a link never issued", new HttpHeaders()),
                                     staff("a key worker at school B with a link never issued", world.trust,
                                           Role.KEY_WORKER, MatrixWorld.B))) {
            String answer = expect(row, forged, body, caller, 404);
            assertNothingOfA(row, forged, body, caller, answer);
        }
        if (before != null) {
            assertThat(readBack(row)).as("%s: what the school sees after the forged link", row).isEqualTo(before);
        }
        ResponseEntity<String> carers = call(row, path, body, new Caller("the carer's own link", new HttpHeaders()));
        assertThat(carers.getStatusCode().value()).as("%s with the carer's link: %s", row, carers.getBody())
                                                  .isEqualTo(row.success);
    }

    /** Nothing of A's in the answer, but what the caller sent themselves (the id in the path, say). */
    private void assertNothingOfA(MatrixRow row, String path, Object body, Caller caller, String answer) {
        if (answer == null) {
            return;
        }
        String sent = path + " " + body;
        for (Map.Entry<String, String> secret : world.secrets().entrySet()) {
            if (!sent.contains(secret.getValue())) {
                assertThat(answer).as("%s for %s names A's %s", row, caller.who(), secret.getKey())
                                  .doesNotContain(secret.getValue());
            }
        }
    }

    private String expect(MatrixRow row, String path, Object body, Caller caller, int status) {
        ResponseEntity<String> answer = call(row, path, body, caller);
        assertThat(answer.getStatusCode().value()).as("%s for %s: %s", row, caller.who(), answer.getBody())
                                                  .isEqualTo(status);
        return answer.getBody();
    }

    /** The owner's view that a write would change, read by the trust's leader; null for a row that writes nothing. */
    private String readBack(MatrixRow row) {
        if (row.readBack == null) {
            return null;
        }
        Caller leader = staff("the trust's leader", world.trust, Role.TRUST_LEADER, null);
        ResponseEntity<String> view = http.exchange(row.readBackPath(world), HttpMethod.GET,
                                                    new HttpEntity<>(leader.headers()), String.class);
        assertThat(view.getStatusCode().value()).as("%s read back: %s", row, view.getBody()).isEqualTo(200);
        return view.getBody();
    }

    private ResponseEntity<String> call(MatrixRow row, String path, Object body, Caller caller) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(caller.headers());
        Object sent = body;
        if (body != null) {
            headers.setContentType(row.contentType());
            if (body instanceof String text) {
                sent = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return http.exchange(path, row.method, new HttpEntity<>(sent, headers), String.class);
    }

    private Caller staff(String who, String trust, Role role, String school) {
        String[] schools = school == null || role == Role.TRUST_LEADER ? new String[0] : new String[] {school};
        return new Caller(who, Staff.at(trust, role.claimValue(), world.staffId, schools));
    }

    private Caller partner() {
        return new Caller("a partner", Staff.partner("mx2-partner", "worker-1"));
    }

    private Role leastAllowed(MatrixRow row) {
        EndpointMatrix.Endpoint endpoint = endpoints.stream()
                .filter(e -> e.method() == row.method && e.pattern().equals(row.pattern)).findFirst()
                .orElseThrow(() -> new AssertionError(row + " is not an endpoint of the service"));
        return LEAST_FIRST.stream().filter(endpoint::allows).findFirst()
                          .orElseThrow(() -> new AssertionError(row + " allows no role of staff"));
    }

    private static boolean isNothing(Object value) {
        if (value instanceof Collection<?> list) {
            return list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        return value instanceof Number number && number.longValue() == 0;
    }
}
