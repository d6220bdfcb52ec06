package org.gridgov.wish.wish.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The resident's name, phone and exact address: shown only to the resident, the staff of their grid
 * and the claimer while serving them (docs/design.md §6), masked for everyone else and never logged —
 * {@link #toString()} masks too, so an accidental log line leaks nothing.
 */
public record PersonalData(Optional<String> name, String phone, String address) {

    /** The phone of a resident who gave none (optional in Open311 GeoReport v2): nothing to call, nothing to mask. */
    public static final String NO_PHONE = "";

    private static final int ADDRESS_PREFIX = 8;

    public PersonalData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(address, "address");
    }

    /** What someone not allowed to see the data is shown: enough to recognise it, not to reach the resident. */
    public PersonalData masked() {
        return new PersonalData(name.map(PersonalData::maskName), maskPhone(phone), maskAddress(address));
    }

    /** 张三丰 → 张**: the family name stays, so staff can still address the resident politely. */
    static String maskName(String name) {
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 0) {
            return "*";
        }
        return new String(chars, 0, 1) + "*".repeat(Math.max(1, chars.length - 1));
    }

    /** 13812345678 → 138****5678, the usual way a Chinese mobile number is shown in public. */
    static String maskPhone(String phone) {
        if (phone.isBlank()) {
            return NO_PHONE;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(1, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /**
     * 太平街社区朝华新城3栋2单元501 → 太平街社区朝华新城****: the estate stays (it says where help is
     * needed), the building, entrance and flat numbers go (they say whose door it is).
     */
    static String maskAddress(String address) {
        int[] chars = address.strip().codePoints().toArray();
        int keep = 0;
        while (keep < chars.length && !Character.isDigit(chars[keep])) {
            keep++;
        }
        if (keep == chars.length) {
            keep = chars.length / 2;
        }
        return new String(chars, 0, Math.min(keep, ADDRESS_PREFIX)) + "****";
    }

    @Override
    public String toString() {
        PersonalData masked = masked();
        return "PersonalData[name=" + masked.name.orElse("") + ", phone=" + masked.phone + ", address="
                + masked.address + "]";
    }
}
