package org.homelink.engagement.voice.web;

import org.homelink.platform.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A carer's personal link: 128 random bits, so that no one finds a link by trying; kept only as its SHA-256 hash,
 * so that the event log and the read model hold nothing that opens a survey. Home-school agreements' links are made
 * the same way.
 */
public final class PersonalLinks {

    static final String PATH = "/api/engagement/voice/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalLinks() {
    }

    public static String newToken() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
