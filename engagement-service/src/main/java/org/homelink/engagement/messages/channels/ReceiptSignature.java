package org.homelink.engagement.messages.channels;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A provider's proof that it sent a receipt: HMAC-SHA256 of the exact bytes of the body with the secret both sides
 * hold, in hex after {@code sha256=}. Compared in constant time, so that timing answers tell nothing of the
 * expected value.
 */
final class ReceiptSignature {

    static final String HEADER = "X-Homelink-Signature";
    private static final String PREFIX = "sha256=";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    ReceiptSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    boolean verifies(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM has HMAC-SHA256", e);
        }
    }
}
