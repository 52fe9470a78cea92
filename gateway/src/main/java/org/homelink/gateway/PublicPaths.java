package org.homelink.gateway;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one list of paths under {@code /api/} that ask no staff sign-in, and of those that carry a credential in the
 * path itself: the gateway lets the first through without a sign-in or a token, and the request log never writes
 * the second. Each service still answers for its own open paths: a link it does not know is 404, a receipt
 * not signed with the secret is 401.
 */
final class PublicPaths {

    /** Each service's OpenAPI document, which the Swagger UI fetches without a sign-in. */
    private static final List<PathPattern> API_DOCS = Stream.of("/api/{service}/v3/api-docs",
                                                                "/api/{service}/v3/api-docs.yaml",
                                                                "/api/{service}/v3/api-docs/**")
                                                            .map(PathPatternParser.defaultInstance::parse)
                                                            .toList();

    /**
     * Paths whose segment after the prefix is a personal link: families have no sign-in, so the link is the
     * credential, and whoever read it in a log could act as that carer.
     */
    private static final List<List<String>> PERSONAL_LINKS = List.of(
            // A carer's link to a parent voice survey.
            List.of("api", "engagement", "voice"),
            // A family's link to the home-school agreement.
            List.of("api", "engagement", "agreement-links"));

    /** Called by a provider, not a person: the service checks the body's signature, not a sign-in. */
    private static final List<List<String>> PROVIDER_WEBHOOKS = List.of(
            List.of("api", "engagement", "messages", "receipts"));

    private static final List<PathPattern> OPEN = Stream.concat(
                    API_DOCS.stream(),
                    Stream.concat(PERSONAL_LINKS.stream(), PROVIDER_WEBHOOKS.stream())
                          .map(prefix -> PathPatternParser.defaultInstance.parse(
                                  "/" + String.join("/", prefix) + "/**")))
            .toList();

    private static final String LINK = "{link}";

    private PublicPaths() {
    }

    /**
     * True for the paths under {@code /api/} that ask no sign-in: the API docs, personal links and providers'
     * webhooks; the gateway decides the rest itself. Never for a path with {@code .} or {@code ..} segments (however
     * encoded, or with {@code ;} parameters), which may resolve, at the service, to somewhere else under
     * {@code /api/}; browsers and HTTP clients never send one. (Spring Security's firewall refuses such paths before
     * this is asked; this holds even without it.)
     */
    static boolean isPublicApi(PathContainer path) {
        return OPEN.stream().anyMatch(pattern -> pattern.matches(path)) && !hasDotSegments(path);
    }

    /** The path as the log may show it: a personal link's segment replaced by {@code {link}}. */
    static String loggable(PathContainer path) {
        List<PathContainer.PathSegment> segments = segments(path);
        for (List<String> prefix : PERSONAL_LINKS) {
            if (segments.size() > prefix.size() && startsWith(segments, prefix)) {
                return Stream.concat(segments.subList(0, prefix.size()).stream().map(PathContainer.Element::value),
                                     Stream.concat(Stream.of(LINK), segments.subList(prefix.size() + 1,
                                                                                     segments.size()).stream()
                                                                            .map(PathContainer.Element::value)))
                             .collect(Collectors.joining("/", "/", path.value().endsWith("/") ? "/" : ""));
            }
        }
        return path.value();
    }

    /** Compared as the service's router will: decoded, without {@code ;} parameters. */
    private static boolean startsWith(List<PathContainer.PathSegment> segments, List<String> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            if (!segments.get(i).valueToMatch().equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Empty segments left out: a service's server reads {@code //} as {@code /}. */
    private static List<PathContainer.PathSegment> segments(PathContainer path) {
        return path.elements().stream()
                   .filter(PathContainer.PathSegment.class::isInstance)
                   .map(PathContainer.PathSegment.class::cast)
                   .filter(segment -> !segment.value().isEmpty())
                   .toList();
    }

    static boolean hasDotSegments(PathContainer path) {
        return segments(path).stream()
                             .map(PathContainer.PathSegment::valueToMatch)
                             .anyMatch(segment -> segment.equals(".") || segment.equals(".."));
    }
}
