package org.gridgov.member.privacy;

import java.util.Optional;

import org.gridgov.kit.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals phone numbers at rest under {@code MEMBER_DATA_KEY} (the kit's {@link PersonalDataCipher}, AES-256-GCM),
 * each bound to the record it belongs to, so a ciphertext copied onto another row does not open. A row
 * written before phones were sealed still reads (its value is not in the sealed format) until
 * {@link LegacyPhones} seals it at the next start.
 */
@Component
public class PhoneCipher {

    /** The sealed format's prefix ({@code v1.}); a phone number as people type it never starts with it. */
    static final String SEALED_PREFIX = "v1.";

    private final PersonalDataCipher cipher;

    PhoneCipher(@Value("${gridgov.member.data-key:}") String key) {
        this.cipher = new PersonalDataCipher(key, "MEMBER_DATA_KEY", "gridgov-member/lookup/v1");
    }

    public String seal(String phone, String boundTo) {
        return phone == null ? null : cipher.seal(phone, boundTo);
    }

    public Optional<String> seal(Optional<String> phone, String boundTo) {
        return phone.map(value -> cipher.seal(value, boundTo));
    }

    public String open(String stored, String boundTo) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        return cipher.open(stored, boundTo);
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(SEALED_PREFIX);
    }
}
