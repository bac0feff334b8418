package com.tentabo.prm.adapters.rest.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The RS256 key pair that signs and verifies access tokens. From configuration when given
 * ({@code prm.jwt.private-key-location} and {@code prm.jwt.public-key-location}, PEM files); otherwise generated
 * once under {@code <prm.data-dir>/jwt/} and reused at every start.
 */
@ApplicationScoped
@Startup
public class JwtKeys {

    private static final Logger LOG = Logger.getLogger(JwtKeys.class);
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public JwtKeys(
            @ConfigProperty(name = "prm.jwt.private-key-location") Optional<String> privateLocation,
            @ConfigProperty(name = "prm.jwt.public-key-location") Optional<String> publicLocation,
            @ConfigProperty(name = "prm.data-dir", defaultValue = "./data") String dataDir) {
        try {
            if (privateLocation.isPresent() && publicLocation.isPresent()) {
                privateKey = readPrivate(Path.of(privateLocation.get()));
                publicKey = readPublic(Path.of(publicLocation.get()));
                LOG.infof("JWT signing keys read from %s", privateLocation.get());
            } else {
                Path dir = Path.of(dataDir, "jwt");
                Path priv = dir.resolve("private-key.pem");
                Path pub = dir.resolve("public-key.pem");
                if (!Files.exists(priv) || !Files.exists(pub)) {
                    generate(dir, priv, pub);
                    LOG.warnf(
                            "No JWT keys configured: generated a key pair under %s. Several instances must be "
                                    + "given the same keys (prm.jwt.private-key-location / prm.jwt.public-key-location), "
                                    + "or tokens issued by one are refused by the others.",
                            dir.toAbsolutePath());
                } else {
                    LOG.infof(
                            "JWT signing keys read from %s (generated at an earlier start). Several instances must "
                                    + "share the same keys.",
                            dir.toAbsolutePath());
                }
                privateKey = readPrivate(priv);
                publicKey = readPublic(pub);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JWT keys are not a valid RSA key pair in PEM form", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static void generate(Path dir, Path priv, Path pub) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        writeOwnerOnly(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    /**
     * Writes the private key into a file that only its owner can read from the moment it exists (created with mode 600,
     * not restricted after the key is in it). A file system without POSIX permissions cannot do that: the key is
     * written anyway, with a warning, since the service must start; protect the data directory by other means.
     */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file); // a left-over from an interrupted start may have other permissions
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            LOG.warnf(
                    "The file system of %s has no POSIX permissions: the generated JWT private key is readable as "
                            + "the directory allows; restrict access to it",
                    file.toAbsolutePath());
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(file)));
    }

    private static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(file)));
    }
}
