package org.homelink.engagement.security;

import org.homelink.platform.web.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the tenancy matrix: its method and pattern, how to call it on school A's record, what the owner
 * gets, and what everyone else must get instead. Path variables and the query are filled from the world's records
 * ({@link MatrixWorld#values()}), each row naming only what differs.
 */
final class MatrixRow {

    /** What callers who are not the record's own get, besides a partner's 403 and 401 without a sound token. */
    enum Outsiders {
        /** 404 or 422, as for a record that does not exist or a school not theirs. */
        REFUSED,
        /** 200 with nothing of A's: the row's paths are empty lists or zero counts. */
        LISTED,
        /** A view of a whole trust, for its trust leader: a school's leader 403, another trust's leader only theirs. */
        TRUST_WIDE,
        /** The same answer for every caller with the permission: it holds nothing of any school. */
        THE_SAME,
        /** A carer's personal link, not a token, is what opens it: a link never issued answers 404. */
        PERSONAL_LINK
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    final HttpMethod method;
    final String pattern;
    final int success;
    private final Function<MatrixWorld, Object> body;
    private final Map<String, Function<MatrixWorld, String>> values = new HashMap<>();
    private String query = "";
    private MediaType contentType = MediaType.APPLICATION_JSON;
    Role role;
    Function<MatrixWorld, String> ownSchool = MatrixWorld::schoolA;
    Outsiders outsiders = Outsiders.REFUSED;
    List<String> emptyForOutsiders = List.of();
    String schoolsPath;
    String readBack;

    private MatrixRow(HttpMethod method, String pattern, int success, Function<MatrixWorld, Object> body) {
        this.method = method;
        this.pattern = pattern;
        this.success = success;
        this.body = body;
    }

    static MatrixRow get(String pattern) {
        return new MatrixRow(HttpMethod.GET, pattern, 200, world -> null);
    }

    static MatrixRow post(String pattern, int success, Function<MatrixWorld, Object> body) {
        return new MatrixRow(HttpMethod.POST, pattern, success, body);
    }

    static MatrixRow put(String pattern, int success, Function<MatrixWorld, Object> body) {
        return new MatrixRow(HttpMethod.PUT, pattern, success, body);
    }

    static MatrixRow delete(String pattern, int success) {
        return new MatrixRow(HttpMethod.DELETE, pattern, success, world -> null);
    }

    /** A path variable (or a name the query uses) other than the world's usual record. */
    MatrixRow with(String variable, Function<MatrixWorld, String> value) {
        values.put(variable, value);
        return this;
    }

    /** The query string, its {names} filled as the path's are. */
    MatrixRow query(String template) {
        query = template;
        return this;
    }

    /** The role the owner and the outsiders call in; unless given, the least of the roles the endpoint allows. */
    MatrixRow as(Role role) {
        this.role = role;
        return this;
    }

    /** The owner's school, when the row's record cannot be one of A's (a school has one agreement). */
    MatrixRow at(Function<MatrixWorld, String> school) {
        this.ownSchool = school;
        return this;
    }

    MatrixRow csv() {
        contentType = MediaType.parseMediaType("text/csv");
        return this;
    }

    /** A list, search or count: outsiders get 200 and, at each of these JSON paths, nothing. */
    MatrixRow listed(String... emptyPaths) {
        outsiders = Outsiders.LISTED;
        emptyForOutsiders = List.of(emptyPaths);
        return this;
    }

    /** A whole trust side by side: another trust's leader sees only its own schools, at this JSON path. */
    MatrixRow trustWide(String schoolsPath) {
        outsiders = Outsiders.TRUST_WIDE;
        this.schoolsPath = schoolsPath;
        return this;
    }

    MatrixRow theSameForEveryone() {
        outsiders = Outsiders.THE_SAME;
        return this;
    }

    MatrixRow personalLink() {
        outsiders = Outsiders.PERSONAL_LINK;
        return this;
    }

    /** A view the owner reads before and after the refused writes: it must not have changed. */
    MatrixRow readBack(String pattern) {
        readBack = pattern;
        return this;
    }

    String path(MatrixWorld world) {
        return fill(pattern, world) + (query.isEmpty() ? "" : "?" + fill(query, world));
    }

    String readBackPath(MatrixWorld world) {
        return fill(readBack, world);
    }

    Object body(MatrixWorld world) {
        return body.apply(world);
    }

    MediaType contentType() {
        return contentType;
    }

    String value(String variable, MatrixWorld world) {
        Function<MatrixWorld, String> own = values.get(variable);
        if (own != null) {
            return own.apply(world);
        }
        String usual = world.values().get(variable);
        if (usual == null) {
            throw new IllegalStateException(this + " names {" + variable + "}, which the world does not hold");
        }
        return usual;
    }

    private String fill(String template, MatrixWorld world) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value(matcher.group(1), world)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
