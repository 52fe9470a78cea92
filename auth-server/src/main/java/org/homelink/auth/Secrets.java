package org.homelink.auth;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.regex.Pattern;

/** Passwords and client secrets as the settings give them: already hashed, or in the clear to be hashed here. */
final class Secrets {

    /** Spring Security's form of a hash: the encoder's id in braces, then the hash. */
    private static final Pattern HASHED = Pattern.compile("\\{[A-Za-z0-9_-]+}.+");

    private Secrets() {
    }

    /**
     * What to keep for a secret from the settings: a hash given there as it is, so a trust's settings need hold no
     * password in the clear, and anything else hashed now, so every secret is checked the same way, by its hash.
     */
    static String stored(String secret, PasswordEncoder passwords) {
        return HASHED.matcher(secret).matches() ? secret : passwords.encode(secret);
    }
}
