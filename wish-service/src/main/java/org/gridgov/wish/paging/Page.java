package org.gridgov.wish.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next one (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Cuts a page from {@code limit + 1} rows fetched newest first: the extra row only tells that
     * another page exists.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Cursor> cursorOf, Function<R, T> item) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(item).toList(),
                more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null);
    }
}
