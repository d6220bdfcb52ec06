package org.gridgov.member.resource.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.kit.domain.Refusal;

/**
 * What a resource list covers: a year ({@code 2026}, published at the start of the year) or a half
 * of it ({@code 2026H1}, {@code 2026H2}, the half-yearly revision). A half-year list, when there
 * is one, applies instead of the year's list in its half.
 *
 * @param half 0 for a whole year, 1 or 2 for a half
 */
public record Period(int year, int half) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:H([12]))?");

    public Period {
        if (year < 2000 || year > 2100 || half < 0 || half > 2) {
            throw Refusal.invalid("A period is a year such as 2026 or a half-year such as 2026H2.");
        }
    }

    public static Period parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw Refusal.invalid("A period is a year such as 2026 or a half-year such as 2026H2.");
        }
        return new Period(Integer.parseInt(matcher.group(1)), matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)));
    }

    /** The periods whose lists may apply on a date, the one that wins first: its half-year, then its year. */
    public static List<Period> applicableOn(LocalDate date) {
        return List.of(new Period(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2), new Period(date.getYear(), 0));
    }

    public boolean isWholeYear() {
        return half == 0;
    }

    @Override
    public String toString() {
        return half == 0 ? Integer.toString(year) : year + "H" + half;
    }
}
