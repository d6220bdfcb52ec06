package org.gridgov.grid.importing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gridgov.grid.domain.EnumNames;

/** Collects what is wrong with a document while reading its values; every reader returns null for a bad value. */
final class Problems {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<ImportProblem> listed = new ArrayList<>();
    private int count;

    void add(String section, Integer row, String field, String reason) {
        count++;
        if (listed.size() < ImportPlanner.MAX_PROBLEMS_LISTED) {
            listed.add(new ImportProblem(section, row, field, reason));
        }
    }

    boolean any() {
        return count > 0;
    }

    int count() {
        return count;
    }

    List<ImportProblem> listed() {
        return listed;
    }

    String requiredText(String section, Integer row, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(section, row, field, "is required");
            return null;
        }
        return limited(section, row, field, value, maxLength);
    }

    String optionalText(String section, Integer row, String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : limited(section, row, field, value, maxLength);
    }

    UUID optionalUuid(String section, Integer row, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!UUID_TEXT.matcher(value.strip()).matches()) {
            add(section, row, field, "is not a UUID");
            return null;
        }
        return UUID.fromString(value.strip());
    }

    <E extends Enum<E>> E requiredEnum(String section, Integer row, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            add(section, row, field, "is required");
            return null;
        }
        E parsed = EnumNames.parse(type, value.strip()).orElse(null);
        if (parsed == null) {
            add(section, row, field, "must be one of " + EnumNames.names(type));
        }
        return parsed;
    }

    private String limited(String section, Integer row, String field, String value, int maxLength) {
        String text = value.strip();
        if (text.length() > maxLength) {
            add(section, row, field, "is longer than " + maxLength + " characters");
            return null;
        }
        if (hasControlCharacter(text)) {
            add(section, row, field, CONTROL_CHARACTER);
            return null;
        }
        return text;
    }

    static final String CONTROL_CHARACTER = "contains a control character";

    /** Names and addresses are printed and stored as text: a NUL or a bell in one is a broken document, not a name. */
    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
