package org.gridgov.kit.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals values at rest with AES-256-GCM under a service's data key (personal data, webhook secrets and
 * payloads). Each value is bound to the record it belongs to (the associated data), so a ciphertext
 * copied onto another row does not open. A value sealed by one service opens in another given the same
 * key and binding (how apps-service took over wish-service's webhooks).
 */
public final class Sealer {

    /** Marks the format and the key generation, so a later key rotation can tell old values apart. */
    private static final String VERSION = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param raw 32 random bytes
     */
    public Sealer(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("a data key must be 32 bytes (AES-256); got " + raw.length + " bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * The key as configured: 32 bytes, Base64-encoded ({@code openssl rand -base64 32}).
     *
     * @param setting the name of the setting, for the message when it is missing or malformed
     */
    public static byte[] decodeKey(String base64Key, String setting) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(setting + " is not set: give the service a 32-byte AES key, Base64-encoded"
                    + " (openssl rand -base64 32), from a secret");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid Base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (AES-256), Base64-encoded; got "
                    + raw.length + " bytes");
        }
        return raw;
    }

    public String seal(String plaintext, String boundTo) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    public String open(String sealed, String boundTo) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("personal data sealed in an unknown format");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the value itself in the message: it may end up in a log
            throw new IllegalStateException("cannot decrypt personal data (wrong key or tampered value)");
        }
    }
}
