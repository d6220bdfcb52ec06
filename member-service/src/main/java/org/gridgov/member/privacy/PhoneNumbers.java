package org.gridgov.member.privacy;

import java.util.regex.Pattern;

/**
 * Phone numbers are personal data (docs/design.md §6): stored, shown in full only to whom it concerns,
 * masked everywhere else and never logged.
 */
public final class PhoneNumbers {

    /** Digits with optional leading + and spaces or dashes, as people type them. */
    public static final String PATTERN = "\\+?[0-9][0-9 -]{4,19}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private PhoneNumbers() {
    }

    public static boolean isValid(String phone) {
        return phone != null && VALID.matcher(phone).matches();
    }

    /** Keeps the first three and last two digits, enough to recognise a number without revealing it. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() <= 5) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 5) + digits.substring(digits.length() - 2);
    }
}
