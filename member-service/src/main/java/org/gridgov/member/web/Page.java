package org.gridgov.member.web;

import java.util.List;
import java.util.function.Function;

import org.gridgov.kit.web.ProblemException;

/**
 * One page of a list and the cursor of the next page (null on the last page). Lists are read with
 * one row more than the page holds, so the last page is known without counting.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * @param rows     up to {@code limit + 1} rows in list order
     * @param cursorOf the cursor that continues after a row
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new Page<>(List.copyOf(page), cursorOf.apply(page.get(limit - 1)));
    }

    /** The page size asked for, within bounds. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return requested;
    }
}
