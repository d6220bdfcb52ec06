package org.gridgov.kit.web;

import java.util.List;
import java.util.Map;

/**
 * One offending field of a request: its JSON path ({@code wantedBy}, {@code items[2].quantity}) and
 * what was expected there. A 400 or 422 lists them in the problem's {@code errors} member. The
 * message never repeats the value sent: it may be a resident's personal data.
 */
public record FieldError(String field, String message) {

    public static final String PROBLEM_MEMBER = "errors";

    static List<Map<String, String>> asMembers(List<FieldError> errors) {
        return errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList();
    }
}
