package com.tentabo.prm.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    @Test
    void aGeneratedPrivateKeyIsReadableByItsOwnerOnly_andIsReadBackAtTheNextStart(@TempDir Path dataDir)
            throws Exception {
        assumeThat(dataDir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        JwtKeys first = new JwtKeys(Optional.empty(), Optional.empty(), dataDir.toString());

        Path priv = dataDir.resolve("jwt/private-key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(priv)).startsWith("-----BEGIN PRIVATE KEY-----");
        JwtKeys again = new JwtKeys(Optional.empty(), Optional.empty(), dataDir.toString());
        assertThat(again.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(again.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
    }
}
