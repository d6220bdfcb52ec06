package org.gridgov.member.ranking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.kit.domain.Refusal;

/** A calendar quarter such as {@code 2026Q3}, in UTC like every time of the platform. */
public record Quarter(int year, int quarter) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})Q([1-4])");

    public Quarter {
        if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4) {
            throw Refusal.invalid("A quarter looks like 2026Q3.");
        }
    }

    public static Quarter parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw Refusal.invalid("A quarter looks like 2026Q3.");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public static Quarter of(Instant instant) {
        LocalDate date = instant.atZone(ZoneOffset.UTC).toLocalDate();
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public Instant start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return quarter == 4 ? new Quarter(year + 1, 1).start() : new Quarter(year, quarter + 1).start();
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
