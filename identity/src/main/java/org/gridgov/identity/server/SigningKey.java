package org.gridgov.identity.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RS256 key every token is signed with. Kept in {@code signing-key.json} in the key directory
 * (owner-readable only) so that tokens handed out before a restart stay valid after it; without a
 * directory, a new key per start.
 */
final class SigningKey {

    private static final String KEY_FILE = "signing-key.json";
    private static final int KEY_SIZE = 2048;

    private SigningKey() {
    }

    static RSAKey load(Path keyDirectory) {
        try {
            if (keyDirectory == null) {
                return generate();
            }
            Path keyFile = keyDirectory.resolve(KEY_FILE);
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey key = generate();
            Files.createDirectories(keyDirectory);
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + keyDirectory, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("unusable signing key in " + keyDirectory, e);
        }
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(KEY_SIZE).keyIDFromThumbprint(true).generate();
    }
}
