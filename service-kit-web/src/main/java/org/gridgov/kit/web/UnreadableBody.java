package org.gridgov.kit.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What was wrong with a request body Jackson could not read, field by field: the field's JSON path
 * and what it should have held (a whole number, a UUID, one of the allowed values …), so that a
 * client can fix the field instead of guessing which one "is not valid JSON".
 */
final class UnreadableBody {

    static final String DETAIL = "The request body could not be read: see errors for the field and what it expects.";

    private UnreadableBody() {
    }

    /** The field at fault, or empty when the failure is not Jackson's (then nothing is known about the field). */
    static Optional<FieldError> of(Throwable failure) {
        return jacksonCause(failure).map(UnreadableBody::describe);
    }

    private static Optional<JacksonException> jacksonCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return Optional.of(jackson);
            }
        }
        return Optional.empty();
    }

    private static FieldError describe(JacksonException ex) {
        if (ex instanceof StreamReadException malformed) {
            return new FieldError(pathOf(malformed.processor()), "not valid JSON here ("
                    + (malformed.getLocation() == null ? "malformed" : "line " + malformed.getLocation().getLineNr()
                    + ", column " + malformed.getLocation().getColumnNr()) + ")");
        }
        String field = pathOf(ex.getPath());
        if (ex instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(field, "not a field of this request; expected one of "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (ex instanceof InvalidNullException) {
            return new FieldError(field, "must not be null");
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(field, "expected " + expected(mismatch.getTargetType()));
        }
        if (ex instanceof ValueInstantiationException) {
            return new FieldError(field, "not a valid value for this field");
        }
        return new FieldError(field, "cannot be read");
    }

    /** {@code items[2].quantity} from Jackson's path of property names and array indexes. */
    private static String pathOf(List<JacksonException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            } else if (step.getPropertyName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(step.getPropertyName());
            }
        }
        return text.isEmpty() ? "$" : text.toString();
    }

    /** Where the parser stood when the JSON broke off, as the same kind of path. */
    private static String pathOf(JsonParser parser) {
        if (parser == null) {
            return "$";
        }
        StringBuilder text = new StringBuilder();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inArray()) {
                text.insert(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.currentName() != null) {
                text.insert(0, (context.getParent() != null && context.getParent().inRoot() ? "" : ".") + context.currentName());
            }
        }
        return text.isEmpty() ? "$" : text.toString();
    }

    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "a UUID (e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date-time with a time zone, ISO 8601 (e.g. 2027-01-31T18:00:00+08:00)";
        }
        if (type == LocalDate.class) {
            return "a date, ISO 8601 (e.g. 2027-01-31)";
        }
        if (type == LocalDateTime.class) {
            return "a date-time, ISO 8601 (e.g. 2027-01-31T18:00:00)";
        }
        if (type == LocalTime.class) {
            return "a time of day, ISO 8601 (e.g. 18:00)";
        }
        if (type == Year.class) {
            return "a year (e.g. 2027)";
        }
        if (type == YearMonth.class) {
            return "a month, ISO 8601 (e.g. 2027-01)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object with this request's fields";
    }
}
