package org.homelink.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its aggregate version; a command sent with
 * {@code If-Match} applies only to that version, and a stale one is answered with 409.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Versions() {
    }

    /** The version a command expects, or null when the caller did not say. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidHeaderException("If-Match", "must be an ETag this API gave, such as \"3\"");
        }
        return Long.valueOf(matcher.group(1));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
