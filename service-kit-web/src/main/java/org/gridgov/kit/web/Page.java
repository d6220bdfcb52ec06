package org.gridgov.kit.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a list and the cursor of the next page ({@code next}, absent on the last page). Every
 * list endpoint pages the same way: {@code ?limit=} from 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT}
 * when not given, and {@code ?cursor=} with the {@code next} of the page before. Lists are read with
 * one row more than the page holds, so the last page is known without counting.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * The old name of {@code next}, still written for clients of the release before; to be removed
     * in the next one.
     */
    @Deprecated
    @JsonProperty("nextCursor")
    public String nextCursor() {
        return next;
    }

    /**
     * @param rows     up to {@code limit + 1} rows in list order
     * @param cursorOf the cursor that continues after a row
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        return of(rows, limit, cursorOf, Function.identity());
    }

    /** As {@link #of(List, int, Function)}, showing each row as {@code item}. */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, String> cursorOf, Function<R, T> item) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(item).toList(), more ? cursorOf.apply(shown.get(limit - 1)) : null);
    }

    /** The same page with each item shown otherwise (or left out), keeping where the next one starts. */
    public <U> Page<U> map(Function<T, Optional<U>> shown) {
        return new Page<>(items.stream().map(shown).flatMap(Optional::stream).toList(), next);
    }

    /** The page size asked for, within bounds; a 400 naming {@code limit} otherwise. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return requested;
    }

    public static int limit(Optional<Integer> requested) {
        return limit(requested.orElse(null));
    }
}
