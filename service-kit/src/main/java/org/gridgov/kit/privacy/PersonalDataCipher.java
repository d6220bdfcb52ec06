package org.gridgov.kit.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM under a service's data key (wish-service's
 * {@code WISH_DATA_KEY}, fieldwork-service's {@code FIELDWORK_DATA_KEY}). Each value is bound to the record it
 * belongs to (the associated data), so a ciphertext copied onto another row does not decrypt. Also derives
 * lookup keys (HMAC under a key derived for one purpose), so a read model can find a value, such as an address,
 * without storing it.
 */
public final class PersonalDataCipher {

    /** Marks the format and the key generation, so a later key rotation can tell old values apart. */
    private static final String VERSION = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Key     32 random bytes, Base64-encoded ({@code openssl rand -base64 32})
     * @param keyName       the variable the key comes from, for the start-up error messages
     * @param lookupPurpose names what the lookup keys are for; the lookup key is derived from the data key with it
     */
    public PersonalDataCipher(String base64Key, String keyName, String lookupPurpose) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(keyName + " is not valid Base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(keyName + " must be 32 bytes (AES-256), Base64-encoded; got "
                    + raw.length + " bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        // a separate key for lookups, so that the encryption key itself is never used as a MAC key
        this.lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), lookupPurpose),
                "HmacSHA256");
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

    /** A keyed hash of a normalised value (an address): equal values give equal keys, and the key reveals nothing. */
    public byte[] lookupKey(String normalisedValue) {
        return hmac(lookupKey, normalisedValue);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
