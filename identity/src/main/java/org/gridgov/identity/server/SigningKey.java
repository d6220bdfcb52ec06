package org.gridgov.identity.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RS256 key every token is signed with. A deployment gives it as a PEM private key (from a Secret, the same for
 * every replica, so a token signed by one is verified against the keys any of them publishes). Otherwise it is kept
 * in {@code signing-key.json} in the key directory (owner-readable only) so that tokens handed out before a restart
 * stay valid after it; without either, a new key per start.
 */
final class SigningKey {

    private static final String KEY_FILE = "signing-key.json";
    private static final int KEY_SIZE = 2048;
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private SigningKey() {
    }

    static RSAKey load(String pem, Path keyDirectory) {
        if (pem != null && !pem.isBlank()) {
            return fromPem(pem);
        }
        return load(keyDirectory);
    }

    /** The key of a PKCS#8 PEM private key ({@code openssl genpkey -algorithm RSA}), its id its thumbprint. */
    static RSAKey fromPem(String pem) {
        String body = pem.strip();
        if (!body.startsWith(PEM_BEGIN) || !body.endsWith(PEM_END)) {
            throw new IllegalStateException("IDENTITY_SIGNING_KEY is not a PKCS#8 PEM private key (" + PEM_BEGIN + ")");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(body.substring(PEM_BEGIN.length(), body.length() - PEM_END.length()));
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (privateKey.getModulus().bitLength() < KEY_SIZE) {
                throw new IllegalStateException("IDENTITY_SIGNING_KEY has " + privateKey.getModulus().bitLength()
                        + " bits; at least " + KEY_SIZE + " expected");
            }
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new IllegalStateException("IDENTITY_SIGNING_KEY is not an RSA private key in PKCS#8 PEM", e);
        }
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
