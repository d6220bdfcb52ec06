package org.gridgov.kit.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM under a service's data key (wish-service's
 * {@code WISH_DATA_KEY}, fieldwork-service's {@code FIELDWORK_DATA_KEY}) through the {@link Sealer}: each
 * value is bound to the record it belongs to, so a ciphertext copied onto another row does not decrypt.
 * Also derives lookup keys (HMAC under a key derived for one purpose), so a read model can find a value,
 * such as an address, without storing it.
 */
public final class PersonalDataCipher {

    private final Sealer sealer;
    private final SecretKeySpec lookupKey;

    /**
     * @param base64Key     32 random bytes, Base64-encoded ({@code openssl rand -base64 32})
     * @param keyName       the variable the key comes from, for the start-up error messages
     * @param lookupPurpose names what the lookup keys are for; the lookup key is derived from the data key with it
     */
    public PersonalDataCipher(String base64Key, String keyName, String lookupPurpose) {
        byte[] raw = Sealer.decodeKey(base64Key, keyName);
        this.sealer = new Sealer(raw);
        // a separate key for lookups, so that the encryption key itself is never used as a MAC key
        this.lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), lookupPurpose), "HmacSHA256");
    }

    public String seal(String plaintext, String boundTo) {
        return sealer.seal(plaintext, boundTo);
    }

    public String open(String sealed, String boundTo) {
        return sealer.open(sealed, boundTo);
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
