package org.homelink.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error a service gives, as RFC 9457 problem+json naming what is wrong. Details never repeat the values a
 * caller sent: they may be a family's personal data.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    static final String FIELD = "field";
    static final String ERRORS = "errors";

    @ExceptionHandler(RuleBrokenException.class)
    ResponseEntity<Object> ruleBroken(RuleBrokenException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-broken", "A rule of the domain is broken",
                                        e.getMessage());
        if (e.field() != null) {
            problem.setProperty(FIELD, e.field());
        }
        return respond(problem);
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException e) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "No such record";
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }

    /**
     * A stale If-Match (ConflictingModificationException), two writers racing on one version, or two creating a
     * record with one id (AggregateStreamCreationException).
     */
    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class,
            AggregateStreamCreationException.class})
    ResponseEntity<Object> conflict(RuntimeException e) {
        return respond(problem(HttpStatus.CONFLICT, "version-conflict", "Changed by someone else",
                               "The record has changed since you read it: read it again and retry"));
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<Object> invalidFields(InvalidFieldsException e) {
        return invalid(e.problems().stream()
                        .map(problem -> Map.of(FIELD, problem.field(), "detail", problem.detail()))
                        .toList());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> taken(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "taken", "Someone else got there first", e.getMessage());
        problem.setProperty(FIELD, e.field());
        return respond(problem);
    }

    @ExceptionHandler(MissingRequestContextException.class)
    ResponseEntity<Object> noContext(MissingRequestContextException e) {
        ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "no-request-context", "Who is asking?",
                                        e.getMessage());
        problem.setProperty(FIELD, e.header());
        return respond(problem);
    }

    @ExceptionHandler(InvalidHeaderException.class)
    ResponseEntity<Object> invalidHeader(InvalidHeaderException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid header", e.getMessage());
        problem.setProperty(FIELD, e.header());
        return respond(problem);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed in this role", e.getMessage()));
    }

    /** Axon wraps a handler's exception when the command crossed a boundary: answer for what it wraps. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleBrokenException rule) {
            return ruleBroken(rule);
        }
        if (cause instanceof ConflictException taken) {
            return taken(taken);
        }
        if (cause instanceof InvalidFieldsException invalid) {
            return invalidFields(invalid);
        }
        if (cause instanceof ForbiddenException forbidden) {
            return forbidden(forbidden);
        }
        if (cause instanceof NotFoundException || cause instanceof AggregateNotFoundException) {
            return notFound((RuntimeException) cause);
        }
        if (cause instanceof ConflictingModificationException || cause instanceof ConcurrencyException
                || cause instanceof AggregateStreamCreationException) {
            return conflict((RuntimeException) cause);
        }
        throw e;
    }

    /**
     * Anything else is a fault of ours: a 500 that says so in the API's own format, never the exception's message
     * (it may quote data). The log has the type and the path; the full trace only at DEBUG, for the same reason.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
                                        "The request could not be carried out; it is safe to retry it later");
        ResponseEntity<Object> answer = respond(problem);
        log.error("{} answered 500: {}", handlerPattern(), e.getClass().getName());
        log.debug("The cause of that 500", e);
        return answer;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                        .map(error -> Map.of(FIELD, error.getField(),
                                             "detail", String.valueOf(error.getDefaultMessage())))
                        .toList());
    }

    /** A query or path parameter that breaks its constraint, such as {@code size=0}: 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        return invalid(e.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream()
                                .map(error -> Map.of(FIELD, parameterName(result.getMethodParameter()),
                                                     "detail", String.valueOf(error.getDefaultMessage()))))
                        .toList());
    }

    /** 400 listing every field at fault, the first also as {@code field}. */
    private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        // A whole feed may be wrong in thousands of places: the detail names the first few, errors has them all.
        String fields = errors.stream().map(error -> error.get(FIELD)).distinct().limit(20)
                              .collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                                        "Check these fields: " + fields);
        if (!errors.isEmpty()) {
            problem.setProperty(FIELD, errors.get(0).get(FIELD));
        }
        problem.setProperty(ERRORS, errors);
        return respond(problem);
    }

    /** A parameter that is not of its type, such as {@code page=first} or an unknown code: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                                                                                 : e.getPropertyName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                                        "The value of " + field + " is not of the expected type or form");
        problem.setProperty(FIELD, field);
        return respond(problem);
    }

    /** A required query parameter left out, such as a school: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return invalid(List.of(Map.of(FIELD, e.getParameterName(), "detail", "is required")));
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request",
                                        "The body is not JSON of the expected shape");
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                                  .map(reference -> reference.getFieldName() != null
                                          ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                                  .collect(Collectors.joining(".")).replace(".[", "[");
            problem.setProperty(FIELD, field);
            problem.setDetail("The value of " + field + " is not of the expected type or form");
        }
        return respond(problem);
    }

    /**
     * A problem in the platform's form, for a service's own exception handlers: its type is
     * {@code urn:homelink:problem:} and the given name, as every other answer's.
     */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:homelink:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * The route's pattern, such as {@code /api/engagement/voice/{token}/answer}, for the log: never the path itself,
     * which may hold a carer's personal link.
     */
    private static Object handlerPattern() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            Object pattern = attributes.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return pattern != null ? pattern : "(no route)";
        }
        return "(no request)";
    }

    /** The problem's instance is the path asked for: it holds ids only, never names. */
    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            problem.setInstance(URI.create(attributes.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
