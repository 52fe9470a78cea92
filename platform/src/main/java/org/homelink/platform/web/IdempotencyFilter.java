package org.homelink.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.homelink.platform.Sha256;
import org.homelink.platform.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A POST sent with an {@code Idempotency-Key} header is carried out once: a retry with the same key and the same
 * body gets the first answer again (marked {@code Idempotent-Replayed: true}) and appends no second event. A
 * multipart POST is carried out each time.
 * The same key with a different body is refused with 422; a retry while the first is still running gets 409.
 * Keys are scoped to the caller (their trust or partner organisation, and who they are) and the path: a retry is the
 * same caller's, and no one else, not even a colleague at another school of the trust, is ever answered from another's
 * request.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // A multipart body is read as parts from the request itself, after this filter would have used it up: such
        // a POST (a feed's file) is carried out again, and importing the same feed again changes nothing anyway.
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || isMultipart(request);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-header",
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        // A partner may name no trust: its organisation scopes its keys, so no organisation replays another's answer.
        // Staff of one trust act at different schools, so the trust alone is not enough: the caller's own id is kept.
        RequestContext caller = Callers.current().orElse(null);
        String id = Sha256.hex((caller == null ? null : caller.trustId()) + "\n"
                           + (caller == null ? null : caller.organisationId()) + "\n"
                           + (caller == null ? null : caller.staffId()) + "\n"
                           + request.getRequestURI() + "\n" + key);
        Optional<Document> earlier = records.claimOrFind(id, Sha256.hex(body));
        if (earlier.isPresent()) {
            answerFrom(earlier.get(), Sha256.hex(body), request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new RereadableRequest(request, body), captured);
        } finally {
            if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                records.complete(id, captured.getStatus(), captured.getHeader(HttpHeaders.LOCATION),
                                 captured.getHeader(HttpHeaders.ETAG), captured.getContentType(),
                                 new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
            } else {
                records.release(id);
            }
            captured.copyBodyToResponse();
        }
    }

    private void answerFrom(Document earlier, String requestHash, HttpServletRequest request,
                            HttpServletResponse response) throws IOException {
        if (!IdempotencyRecords.isDone(earlier)) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-use",
                    "A request with this " + HEADER + " is still being carried out: retry shortly");
        } else if (!requestHash.equals(earlier.getString("request"))) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "This " + HEADER + " was used for a different request");
        } else {
            response.setStatus(earlier.getInteger("status"));
            response.setHeader(REPLAYED, "true");
            if (earlier.getString("location") != null) {
                response.setHeader(HttpHeaders.LOCATION, earlier.getString("location"));
            }
            if (earlier.getString("etag") != null) {
                response.setHeader(HttpHeaders.ETAG, earlier.getString("etag"));
            }
            if (earlier.getString("contentType") != null) {
                response.setContentType(earlier.getString("contentType"));
            }
            response.getOutputStream().write(earlier.getString("body").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                         String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:homelink:problem:" + type));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty(ProblemResponses.FIELD, HEADER);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The body was read to compare it with an earlier request's; the controller reads it again from here. */
    private static final class RereadableRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        RereadableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
