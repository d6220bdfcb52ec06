package org.gridgov.wish.wish.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * When a resident wants a wish done by, read as people write it: a time with its zone, or a plain
 * date, which means the end of that day where the community lives ("by 31 January" leaves the whole
 * of the 31st).
 */
public final class WantedBy {

    public static final String EXPECTED = "a date (2027-01-31, meaning the end of that day) or a date-time with a time"
            + " zone (2027-01-31T18:00:00+08:00)";

    private WantedBy() {
    }

    /** @throws IllegalArgumentException when the text is neither */
    public static Instant read(String text, ZoneId communityZone) {
        String value = text.strip();
        try {
            if (value.length() == "2027-01-31".length()) {
                // the last whole second of the day: PostgreSQL keeps microseconds, readers compare seconds
                return LocalDate.parse(value).plusDays(1).atStartOfDay(communityZone).toInstant().minusSeconds(1);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(EXPECTED, e);
        }
    }
}
