package org.homelink.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.http.HttpHeaders;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;

/**
 * Signs tokens as an identity provider would, with the test key pair whose public half the services under test verify
 * against ({@code homelink.security.public-key-location: classpath:testing/token-signing-key.pub}, issuer
 * {@link #ISSUER}). The services run their real token checks on them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.homelink.test";
    private static final PrivateKey KEY = privateKey();

    private TestTokens() {
    }

    /** A member of staff of a trust in a role ({@code school-leader}, ...) at some schools. */
    public static String staff(String trustId, String role, String staffId, String... schools) {
        return sign(claims(staffId).claim("homelink_trust", trustId).claim("homelink_role", role)
                                   .claim("homelink_schools", Arrays.asList(schools)), Duration.ofMinutes(15));
    }

    /** A partner organisation's worker. */
    public static String partner(String organisationId, String workerId) {
        return sign(claims(workerId).claim("homelink_role", "partner").claim("homelink_organisation", organisationId),
                    Duration.ofMinutes(15));
    }

    /** A member of staff's token that expired ten minutes ago. */
    public static String expired(String trustId, String role, String staffId, String... schools) {
        return sign(claims(staffId).claim("homelink_trust", trustId).claim("homelink_role", role)
                                   .claim("homelink_schools", Arrays.asList(schools))
                                   .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(25)))),
                    Duration.ofMinutes(-10));
    }

    /** A token with exactly these claims (besides issuer and times): for claims that are wrong on purpose. */
    public static String withClaims(String subject, Map<String, Object> extra) {
        JWTClaimsSet.Builder claims = claims(subject);
        extra.forEach(claims::claim);
        return sign(claims, Duration.ofMinutes(15));
    }

    /** An {@code Authorization: Bearer} header for a token. */
    public static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).issueTime(new Date());
    }

    private static String sign(JWTClaimsSet.Builder claims, Duration lifetime) {
        JWTClaimsSet built = claims.expirationTime(Date.from(Instant.now().plus(lifetime))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), built);
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static PrivateKey privateKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/testing/token-signing-key.pem")) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
