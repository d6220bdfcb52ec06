package org.gridgov.grid.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Bulk writes bind one array per column and {@code unnest} them: a single round trip and a
 * single statement however many rows (R2DBC would otherwise send a round trip per row).
 */
public final class Columns {

    private Columns() {
    }

    public static <T, C> C[] column(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** A uuid[] as text, for columns of arrays: unnest would flatten a uuid[][] into one long array. */
    public static String arrayLiteral(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
