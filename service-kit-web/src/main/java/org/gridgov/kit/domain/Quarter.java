package org.gridgov.kit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026Q3}: the committee's reviews, joint meetings and red and black lists. */
public record Quarter(int year, int number) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})Q([1-4])");

    public static Quarter parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw Refusal.invalidField("quarter", "quarter must look like 2026Q3.");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The quarter an instant falls in, in UTC (as the meetings' and milestones' dates are kept). */
    public static Quarter of(Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public String toString() {
        return year + "Q" + number;
    }
}
