package org.homelink.partners;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An invalid Open Referral document as the platform answers any invalid request: 400 problem+json, the first field
 * at fault in {@code field} and every one in {@code errors}. Before the platform's handlers, whose catch-all would
 * take it for a fault of ours.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

    @ExceptionHandler(InvalidDocumentException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDocumentException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.errors().stream()
                                            .map(error -> Map.of("field", error.field(), "detail", error.detail()))
                                            .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Check these fields: " + String.join(", ", e.errors().stream()
                        .map(InvalidDocumentException.FieldError::field).distinct().limit(20).toList()));
        problem.setType(URI.create("urn:homelink:problem:invalid-request"));
        problem.setTitle("Invalid request");
        problem.setInstance(URI.create(request.getRequestURI()));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
