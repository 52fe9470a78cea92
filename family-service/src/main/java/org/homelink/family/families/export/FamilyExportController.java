package org.homelink.family.families.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homelink.family.families.command.FamilyRules.FamilyNotFound;
import org.homelink.family.families.query.FamilyDetail;
import org.homelink.family.families.query.FamilyQueries;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.RequestContext;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Subject access over HTTP: everything held about a family, for school and trust leaders of one of its schools. JSON
 * unless the caller asks for the readable document ({@code Accept: text/html}, or {@code ?format=html}). The
 * answer is never cached and never logged: it is the family's personal data, all of it.
 */
@RestController
@RequestMapping("/api/families")
@Tag(name = "Families")
@Allowed(Permission.FAMILIES_EXPORT)
class FamilyExportController {

    private static final String JSON = "json";
    private static final String HTML = "html";

    private final QueryGateway queries;
    private final SubjectAccessExport exports;
    private final FamilyExportPage page;
    private final Clock clock;

    FamilyExportController(QueryGateway queries, SubjectAccessExport exports, FamilyExportPage page, Clock clock) {
        this.queries = queries;
        this.exports = exports;
        this.page = page;
        this.clock = clock;
    }

    // No "produces": its answer's type is chosen here, and a refusal must still go out as problem+json.
    @GetMapping("/{familyId}/export")
    @Operation(summary = "Everything held about a family (subject access)",
               description = "Every event about the family in the shared log, from every service, with its personal "
                             + "values decrypted and any other family's withheld, and its record as it stands. JSON, "
                             + "or a printable document with Accept: text/html or format=html. School and trust "
                             + "leaders of one of the family's schools.")
    ResponseEntity<?> export(RequestContext actor, @PathVariable String familyId,
                             @RequestParam(required = false) String format,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean html = wantsHtml(format, accept);
        FamilyDetail family = queries.query(new FamilyQueries.FindFamily(actor, familyId),
                                            ResponseTypes.optionalInstanceOf(FamilyDetail.class))
                                     .join().orElseThrow(FamilyNotFound::new);
        FamilyExport export = exports.export(family, actor.staffId(), clock.instant())
                                     .orElseThrow(FamilyNotFound::new);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (html) {
            return answer.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                         .body(page.render(export));
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(export);
    }

    /** {@code format} decides when given; otherwise the first of HTML and JSON the caller accepts most. */
    private static boolean wantsHtml(String format, String accept) {
        if (format != null) {
            if (!format.equals(JSON) && !format.equals(HTML)) {
                throw new InvalidFieldsException(List.of(new FieldProblem("format", "must be json or html")));
            }
            return format.equals(HTML);
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                return false;
            }
            if (MediaType.TEXT_HTML.isCompatibleWith(type)) {
                return true;
            }
            if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                return false;
            }
        }
        return false;
    }
}
