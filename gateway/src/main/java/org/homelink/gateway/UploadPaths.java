package org.homelink.gateway;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.stream.Stream;

/** The paths that take files, and so a larger body than the rest of the API (see {@link BodyLimitSettings}). */
final class UploadPaths {

    private static final List<PathPattern> UPLOADS = Stream.of(
                    // A school's attendance register, as CSV (engagement-service; attendance.md).
                    "/api/engagement/attendance/schools/{urn}/marks",
                    // An Open Referral feed, as a file (community-partners-service; partners.md).
                    "/api/partners/imports")
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private UploadPaths() {
    }

    /** Never for a path with dot segments, which the service could resolve to some other endpoint. */
    static boolean isUpload(PathContainer path) {
        return UPLOADS.stream().anyMatch(pattern -> pattern.matches(path)) && !PublicPaths.hasDotSegments(path);
    }
}
