package org.homelink.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key tokens are signed with. Kept in a file of the data folder, so that tokens issued before a restart still
 * verify after it and nobody is signed out by one; made the first time it is needed. The file holds the private key:
 * it is readable by its owner only, where the file system can say so.
 */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final int BITS = 2048;

    private SigningKey() {
    }

    /** The key in {@code file}, made and written there first if the file does not exist. */
    static RSAKey inFile(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            RSAKey key = generate();
            write(file, key);
            log.info("Made a new signing key {} in {}", key.getKeyID(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key " + file
                    + " (homelink.auth.signing-key)", e);
        }
    }

    /** A key for this run only: every token it signs stops verifying at the next start. */
    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(BITS).keyID(UUID.randomUUID().toString())
                                            .keyUse(KeyUse.SIGNATURE)
                                            .algorithm(JWSAlgorithm.RS256)
                                            .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make an RSA key", e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalStateException(file + " holds no private RSA key: delete it to make a new one"
                        + " (tokens signed with the old key stop verifying)");
            }
            return rsa;
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JSON Web Key: delete it to make a new one"
                    + " (tokens signed with the old key stop verifying)", e);
        }
    }

    /** Written whole or not at all: a half-written key would stop the next start. */
    private static void write(Path file, RSAKey key) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = folder.resolve(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
