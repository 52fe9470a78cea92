package org.homelink.auth;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The signing key outlives a restart, stays its owner's, and a damaged file is reported rather than replaced. */
class SigningKeyTest {

    @TempDir
    Path data;

    @Test
    void theKeyMadeAtTheFirstStartIsTheKeyOfTheNext() {
        Path file = data.resolve("auth-server").resolve("signing-key.json");
        RSAKey first = SigningKey.inFile(file);
        RSAKey second = SigningKey.inFile(file);

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toPublicJWK()).isEqualTo(first.toPublicJWK());
        assertThat(second.isPrivate()).isTrue();
        assertThat(first.size()).isEqualTo(2048);
        assertThat(data.resolve("auth-server").resolve("signing-key.json.partial")).doesNotExist();
    }

    @Test
    void onlyItsOwnerMayReadTheKeyFile() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = data.resolve("signing-key.json");
        SigningKey.inFile(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileStopsTheStartInsteadOfSigningEveryoneOut() throws Exception {
        Path file = data.resolve("signing-key.json");
        Files.writeString(file, "{\"kty\":\"RSA\"");
        assertThatThrownBy(() -> SigningKey.inFile(file)).hasMessageContaining("is not a JSON Web Key");

        Files.writeString(file, SigningKey.generate().toPublicJWK().toJSONString());
        assertThatThrownBy(() -> SigningKey.inFile(file)).hasMessageContaining("holds no private RSA key");
    }

    @Test
    void keysMadeForOneRunDiffer() {
        assertThat(SigningKey.generate().getKeyID()).isNotEqualTo(SigningKey.generate().getKeyID());
    }
}
