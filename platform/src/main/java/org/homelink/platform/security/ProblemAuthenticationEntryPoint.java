package org.homelink.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homelink.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.net.URI;

/**
 * A request without a sound token gets 401 problem+json naming what is wrong: the Authorization header, or the claim
 * that does not say whom the caller acts for. Never the token itself.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper json;

    ProblemAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Who is asking?",
                                                         detail(failure));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("field", failure instanceof InvalidCallerClaimException claim
                ? claim.claim() : HttpHeaders.AUTHORIZATION);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String detail(AuthenticationException failure) {
        if (failure instanceof InvalidCallerClaimException) {
            return "The token does not say soundly whom it acts for: " + failure.getMessage();
        }
        if (failure instanceof InvalidBearerTokenException) {
            // Nimbus's reasons ("Jwt expired at ...", "signature did not match") name no value of the token.
            return "The bearer token was refused: " + failure.getMessage();
        }
        return "A bearer token is required";
    }
}
