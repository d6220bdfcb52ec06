package org.gridgov.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the changes to a released JSON Schema that would break a consumer of its events, or make events
 * already on a topic invalid: a property removed, a property's type, format or {@code $ref} changed, an
 * enum value removed, an optional property made required, a new required property, a shared definition
 * removed. Adding an optional property, an enum value or a new schema is compatible. Constraints such as
 * {@code minimum} or {@code pattern} are not compared.
 */
public final class SchemaCompatibilityChecker {

    private static final JsonMapper JSON = JsonMapper.shared();

    private SchemaCompatibilityChecker() {
    }

    /**
     * Compares whole sets of schemas by name: a baseline schema missing from {@code current} is
     * incompatible, a schema only in {@code current} is new and fine.
     *
     * @param baseline schema JSON by name, as released
     * @param current schema JSON by name, as built now
     */
    public static List<String> check(Map<String, String> baseline, Map<String, String> current) {
        List<String> incompatibilities = new ArrayList<>();
        new TreeMap<>(baseline).forEach((name, released) -> {
            String now = current.get(name);
            if (now == null) {
                incompatibilities.add(name + ": removed; publish a new version instead");
            } else {
                check(released, now).forEach(change -> incompatibilities.add(name + ": " + change));
            }
        });
        return incompatibilities;
    }

    /** The incompatible changes from {@code baselineJson} to {@code currentJson}; empty when compatible. */
    public static List<String> check(String baselineJson, String currentJson) {
        List<String> incompatibilities = new ArrayList<>();
        compare("", JSON.readTree(baselineJson), JSON.readTree(currentJson), incompatibilities);
        return incompatibilities;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<String> out) {
        String where = path.isEmpty() ? "the schema" : "'" + path + "'";
        // a $ref target is compared where it is defined (its file's $defs), so here only the target counts
        compareText(before, after, "$ref", where, out);
        if (!typesOf(before).equals(typesOf(after))) {
            out.add(where + " changed type from " + typesOf(before) + " to " + typesOf(after));
        }
        compareText(before, after, "format", where, out);
        if (before.has("enum") && after.has("enum")) {
            Set<JsonNode> kept = new HashSet<>(after.get("enum").values());
            before.get("enum").values().stream()
                    .filter(value -> !kept.contains(value))
                    .forEach(value -> out.add(where + " lost enum value " + value));
        }
        compareProperties(path, before, after, out);
        compareRequired(path, before, after, out);
        if (before.has("items") && after.has("items")) {
            compare(path + "[]", before.get("items"), after.get("items"), out);
        }
        before.path("$defs").forEachEntry((name, definition) -> {
            JsonNode kept = after.path("$defs").get(name);
            if (kept == null) {
                out.add("definition '" + name + "' removed");
            } else {
                compare("#/$defs/" + name, definition, kept, out);
            }
        });
    }

    private static void compareProperties(String path, JsonNode before, JsonNode after, List<String> out) {
        before.path("properties").forEachEntry((name, property) -> {
            String propertyPath = path.isEmpty() ? name : path + "." + name;
            JsonNode kept = after.path("properties").get(name);
            if (kept == null) {
                out.add("property '" + propertyPath + "' removed");
            } else {
                compare(propertyPath, property, kept, out);
            }
        });
    }

    private static void compareRequired(String path, JsonNode before, JsonNode after, List<String> out) {
        Set<String> wasRequired = textsOf(before.path("required"));
        for (String name : textsOf(after.path("required"))) {
            String propertyPath = path.isEmpty() ? name : path + "." + name;
            if (wasRequired.contains(name)) {
                continue;
            }
            out.add(before.path("properties").has(name)
                    ? "optional property '" + propertyPath + "' made required"
                    : "new required property '" + propertyPath + "'");
        }
    }

    private static void compareText(JsonNode before, JsonNode after, String keyword, String where,
            List<String> out) {
        String was = before.path(keyword).asString(null);
        String is = after.path(keyword).asString(null);
        if (!Objects.equals(was, is)) {
            out.add(where + " changed " + keyword + " from " + was + " to " + is);
        }
    }

    // "type" may be one name or a list of names; a schema without one accepts any type
    private static Set<String> typesOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isString() ? Set.of(type.stringValue()) : textsOf(type);
    }

    private static Set<String> textsOf(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.values().forEach(value -> texts.add(value.asString()));
        return texts;
    }
}
