package org.gridgov.wish.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gridgov.kit.privacy.Sealer;

/**
 * Encrypts residents' personal data at rest with AES-256-GCM under the key configured as
 * {@code WISH_DATA_KEY} (the kit's {@link Sealer}): each value is bound to the record it belongs to, so a
 * ciphertext copied onto another row does not decrypt. Also derives address lookup keys (HMAC), so
 * the household read model can find an address without storing it.
 */
public final class PersonalDataCipher {

    private final Sealer sealer;
    private final SecretKeySpec lookupKey;

    /** @param base64Key 32 random bytes, Base64-encoded ({@code openssl rand -base64 32}) */
    public PersonalDataCipher(String base64Key) {
        byte[] raw = Sealer.decodeKey(base64Key == null ? "" : base64Key, "WISH_DATA_KEY");
        this.sealer = new Sealer(raw);
        // a separate key for lookups, so that the encryption key itself is never used as a MAC key
        this.lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), "gridgov-wish/address-lookup/v1"),
                "HmacSHA256");
    }

    public String seal(String plaintext, String boundTo) {
        return sealer.seal(plaintext, boundTo);
    }

    public String open(String sealed, String boundTo) {
        return sealer.open(sealed, boundTo);
    }

    /** A keyed hash of a normalised address: equal addresses give equal keys, and the key reveals nothing. */
    public byte[] lookupKey(String normalisedAddress) {
        return hmac(lookupKey, normalisedAddress);
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
