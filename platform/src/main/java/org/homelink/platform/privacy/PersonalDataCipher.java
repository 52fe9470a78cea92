package org.homelink.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts one personal value of an event under its family's key, and decrypts it again. A value is first written as
 * JSON, so a value of any type (a name, a date, an address, a list) is sealed the same way, and stored in its place
 * as an envelope {@code {"$pd": "<base64>"}}: a format byte, a random 96-bit IV, and the AES-GCM ciphertext with its
 * 128-bit tag. The family's id is GCM's associated data, so an envelope copied into another family's event does not
 * decrypt there.
 */
final class PersonalDataCipher {

    /** The envelope's one field. A JSON object whose only field is this is never anything but an envelope. */
    static final String ENVELOPE = "$pd";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /** Cipher objects are not thread-safe, and getting one costs more than using it. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PersonalDataCipher::newCipher);

    private final FamilyKeys keys;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    PersonalDataCipher(FamilyKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    /**
     * The envelope of {@code value} under the family's key; JSON null for a family that has been erased, whose
     * personal data is no longer kept, even when a service that has not heard of the erasure yet writes some.
     */
    JsonNode seal(String familyId, JsonNode value) {
        Optional<SecretKey> key = keys.forWriting(familyId);
        if (key.isEmpty()) {
            log.warn("Family {} is erased: personal data written about it is dropped", familyId);
            return NullNode.getInstance();
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(familyId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = mapper.writeValueAsBytes(value);
            ByteBuffer sealed = ByteBuffer.allocate(1 + IV_BYTES + cipher.getOutputSize(plain.length));
            sealed.put(FORMAT).put(iv);
            cipher.doFinal(ByteBuffer.wrap(plain), sealed);
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put(ENVELOPE, Base64.getEncoder().encodeToString(sealed.array()));
            return envelope;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot encrypt personal data of family " + familyId, e);
        }
    }

    /**
     * The value an envelope holds; JSON null when the family's key is gone. A value that is no envelope (written
     * before personal data was encrypted) is returned as it is.
     */
    JsonNode open(String familyId, JsonNode value) {
        if (!isEnvelope(value)) {
            return value;
        }
        Optional<SecretKey> key = familyId == null ? Optional.empty() : keys.forReading(familyId);
        if (key.isEmpty()) {
            return NullNode.getInstance();
        }
        return decrypt(familyId, key.get(), value).orElseGet(() -> {
            // Sealed under another key, altered, or of an unknown format: what cannot be authenticated is not shown.
            log.warn("Personal data of family {} does not decrypt under its key: read as null", familyId);
            return NullNode.getInstance();
        });
    }

    /**
     * The value an envelope holds, if it opens under the family's key; empty, and quietly, if it does not: for a
     * reader that meets other families' envelopes on purpose (a subject access export), where one is no fault.
     */
    Optional<JsonNode> openIfTheFamilys(String familyId, JsonNode envelope) {
        return keys.forReading(familyId).flatMap(key -> decrypt(familyId, key, envelope));
    }

    /** The value sealed in an envelope, or empty when it was not sealed under this key for this family. */
    private Optional<JsonNode> decrypt(String familyId, SecretKey key, JsonNode envelope) {
        byte[] sealed = Base64.getDecoder().decode(envelope.get(ENVELOPE).asText());
        if (sealed.length < 1 + IV_BYTES || sealed[0] != FORMAT) {
            return Optional.empty();
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(familyId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(mapper.readTree(cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Personal data of family " + familyId + " is not JSON once decrypted", e);
        }
    }

    static boolean isEnvelope(JsonNode value) {
        return value instanceof ObjectNode object && object.size() == 1 && object.has(ENVELOPE);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no " + TRANSFORMATION, e);
        }
    }
}
