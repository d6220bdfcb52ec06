package org.gridgov.system.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;

import org.gridgov.system.fuzz.PublicOperations.Operation;
import org.gridgov.system.fuzz.PublicOperations.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad requests for one operation, drawn from a seeded {@link Random}: starting from a request
 * its schema accepts, each family breaks it in one way (malformed JSON, wrong types, missing and
 * extra fields, huge bodies, unknown enum values, injection strings, odd Unicode, odd numbers,
 * nulls, wrong content types) or sends odd path and query values.
 */
final class BadInput {

    /** One request to send, and what it tries. */
    record Case(String family, Operation operation, String path, String contentType, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length > 300 ? new String(body, 0, 300, StandardCharsets.UTF_8) + "…("
                    + body.length + " bytes)" : new String(body, StandardCharsets.UTF_8);
            return family + ": " + operation.method() + " " + path + " " + (contentType == null ? "" : contentType + " ") + shown;
        }
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; drop table wish; --", "\" OR 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/x}", "{{7*7}}", "../../../../etc/passwd",
            "%00%27", "$(reboot)", "1; select pg_sleep(5)", "{\"$gt\": \"\"}", "\\u0027 OR 1=1");
    static final List<String> ODD_UNICODE = List.of("\u0000", "a\u0000b", "\u202Eevil\u202C", "\u200B\u200C\u200D\uFEFF",
            "😀👩‍👩‍👧‍👦🏳️‍🌈", "e" + "\u0301".repeat(500), "\uD800", "\uDFFF\uD800", "\uFFFF\uFFFE", "ｆｕｌｌｗｉｄｔｈ１２３",
            "\t\r\n", "𝕳𝖊𝖑𝖑𝖔", "\u0085\u2028\u2029");
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "' OR '1'='1",
            "..%2F..%2Fetc%2Fpasswd", "%00", "１２３", "%F0%9F%98%80", "x".repeat(300), "-1", "null",
            "00000000-0000-0000-0000-000000000000");
    private static final List<String> BAD_QUERY_VALUES = List.of("", "-1", "0", "99999999999999999999", "abc", "1e309",
            "' OR 1=1 --", "%00", "%E2%80%AE", "not-a-date", "2026-13-45T99:99:99Z", "NOT_AN_ENUM", "x".repeat(5000));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.shared();
    /** Above the gateway's 1 MB limit. */
    private static final int HUGE = 1_300_000;
    /** Below it, far above any field's own limit. */
    private static final int LONG = 200_000;

    private final Random random;
    /** A real value for a path or query parameter (the fuzz community's ids), or null for none. */
    private final BiFunction<String, String, String> realValue;

    BadInput(Random random, BiFunction<String, String, String> realValue) {
        this.random = random;
        this.realValue = realValue;
    }

    List<Case> casesFor(Operation operation) {
        List<Case> cases = new ArrayList<>();
        cases.add(withBody(operation, "valid", validBody(operation)));
        operation.body().ifPresent(schema -> {
            String valid = validBody(operation);
            cases.add(withBody(operation, "malformed-json", malformed(valid)));
            cases.add(withBody(operation, "wrong-type", mutateField(operation, schema, this::wrongType)));
            cases.add(withBody(operation, "missing-required", missingRequired(operation, schema)));
            cases.add(withBody(operation, "extra-fields", extraFields(valid)));
            cases.add(withBody(operation, "huge-body", mutateField(operation, schema, (field, type) ->
                    NODES.stringNode("长".repeat(HUGE / 3)))));
            cases.add(withBody(operation, "long-string", mutateField(operation, schema, (field, type) ->
                    NODES.stringNode("x".repeat(LONG)))));
            cases.add(withBody(operation, "unknown-enum", mutateField(operation, schema, (field, type) ->
                    NODES.stringNode(pick(List.of("NOT_A_VALUE", "repairs", "", " REPAIRS ", "SUBMITTED\u0000"))))));
            cases.add(withBody(operation, "injection", mutateFreeText(operation, schema, INJECTIONS)));
            cases.add(withBody(operation, "odd-unicode", mutateFreeText(operation, schema, ODD_UNICODE)));
            cases.add(withBody(operation, "odd-numbers", mutateField(operation, schema, (field, type) ->
                    NODES.numberNode(new java.math.BigDecimal(pick(List.of("1e309", "-2147483649", "9223372036854775808",
                            "0.5", "-0", "1E-400")))))));
            cases.add(withBody(operation, "nulls", nulls(operation, schema)));
            cases.add(withBody(operation, "not-an-object", pick(List.of("null", "[]", "\"text\"", "42", "true", "[{}]"))));
            cases.add(new Case("wrong-content-type", operation, path(operation, null), pick(List.of("text/plain",
                    "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")),
                    valid.getBytes(StandardCharsets.UTF_8)));
            cases.add(new Case("json-as-xml", operation, path(operation, null), "application/json",
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                            .getBytes(StandardCharsets.UTF_8)));
        });
        boolean hasPathParameter = operation.parameters().stream().anyMatch(p -> p.in().equals("path"));
        if (hasPathParameter) {
            cases.add(new Case("bad-path-id", operation, path(operation, pick(BAD_IDS)),
                    operation.body().isPresent() ? "application/json" : null, bodyBytes(operation)));
        }
        if (operation.parameters().stream().anyMatch(p -> p.in().equals("query"))) {
            cases.add(new Case("bad-query", operation, path(operation, null, false) + badQuery(operation),
                    operation.body().isPresent() ? "application/json" : null, bodyBytes(operation)));
        }
        return cases;
    }

    /** The operation's path with its parameters filled in, real values where known, {@code badId} for one of them if given. */
    String path(Operation operation, String badId) {
        return path(operation, badId, true);
    }

    private String path(Operation operation, String badId, boolean withQuery) {
        String path = operation.path();
        List<Parameter> pathParameters = operation.parameters().stream().filter(p -> p.in().equals("path")).toList();
        int broken = badId == null || pathParameters.isEmpty() ? -1 : random.nextInt(pathParameters.size());
        for (int i = 0; i < pathParameters.size(); i++) {
            Parameter parameter = pathParameters.get(i);
            String value = i == broken ? badId : Objects.requireNonNullElse(validParameter(operation, parameter),
                    UUID.randomUUID().toString());
            // a client cannot send a space or a quote in a path: the bad ids go percent-encoded unless they already are
            path = path.replace("{" + parameter.name() + "}", i == broken && value.contains("%") ? value : encode(value));
        }
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            if (withQuery && parameter.in().equals("query") && (parameter.required() || random.nextBoolean())) {
                String value = validParameter(operation, parameter);
                if (value != null) {
                    query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(encode(value));
                }
            }
        }
        return path + query;
    }

    private String badQuery(Operation operation) {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query")) {
                String value = pick(BAD_QUERY_VALUES);
                query.append(query.isEmpty() ? '?' : '&').append(parameter.name()).append('=')
                        .append(value.startsWith("%") ? value : encode(value));
            }
        }
        return query.toString();
    }

    private String validParameter(Operation operation, Parameter parameter) {
        String real = realValue.apply(operation.path(), parameter.name());
        if (real != null) {
            return real;
        }
        // an object bound from several query parameters (a query "parameter object") is left out
        JsonNode value = valueFor(parameter.schema(), operation.schemas(), parameter.name());
        return value.isValueNode() ? value.asString() : null;
    }

    private Case withBody(Operation operation, String family, String body) {
        if (operation.body().isEmpty()) {
            return new Case(family, operation, path(operation, null), null, null);
        }
        return new Case(family, operation, path(operation, null), "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bodyBytes(Operation operation) {
        return operation.body().isPresent() ? validBody(operation).getBytes(StandardCharsets.UTF_8) : null;
    }

    private String validBody(Operation operation) {
        return operation.body().map(schema -> JSON.writeValueAsString(valueFor(schema, operation.schemas(), ""))).orElse("");
    }

    /** A value the schema accepts, as far as the schema tells. */
    private JsonNode valueFor(JsonNode schema, PublicOperations.Schemas schemas, String name) {
        JsonNode resolved = schemas.resolve(schema);
        if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
            JsonNode values = resolved.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schemas.typeOf(resolved);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                    object.set(property.getKey(), valueFor(property.getValue(), schemas, property.getKey()));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(valueFor(resolved.path("items"), schemas, name));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(resolved.path("minimum").asInt(1), 1));
            }
            case "number" -> {
                return NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(validString(resolved, name));
            }
        }
    }

    private String validString(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        String real = realValue.apply("", name);
        if (real != null) {
            return real;
        }
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> "2026-06-30";
            case "uri" -> "https://example.org/evidence/1.jpg";
            default -> schema.has("pattern") ? patterned(schema.get("pattern").asString()) : "模糊测试";
        };
    }

    /** The patterns the API uses: phone numbers, web links, periods. */
    private static String patterned(String pattern) {
        if (pattern.contains("https?")) {
            return "https://example.org/evidence/1.jpg";
        }
        if (pattern.contains("[0-9]") && pattern.contains("+")) {
            return "13900001111";
        }
        return "2026";
    }

    private String malformed(String valid) {
        List<String> broken = new ArrayList<>(List.of("{", "{\"", "{\"title\": }", "{\"a\":1,}", "{'single': 'quotes'}",
                "{\"a\": NaN}", "{\"a\": 01}", "\uFEFF{}", "{\"a\":\"unterminated}", "{} trailing", "{\"a\":1}{\"b\":2}",
                "{\"a\": \"\\x41\"}", "[".repeat(5000), "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
        if (valid.length() > 2) {
            broken.add(valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
        }
        return pick(broken);
    }

    private JsonNode wrongType(String field, String type) {
        return switch (type) {
            case "string" -> pick(List.of(NODES.numberNode(42), NODES.booleanNode(false), NODES.arrayNode().add("x"),
                    NODES.objectNode().put("nested", "x")));
            case "integer", "number" -> pick(List.of(NODES.stringNode("forty-two"), NODES.booleanNode(true),
                    NODES.objectNode(), NODES.stringNode("")));
            case "boolean" -> pick(List.of(NODES.stringNode("yes"), NODES.numberNode(2), NODES.arrayNode()));
            case "array" -> pick(List.of(NODES.stringNode("not-a-list"), NODES.objectNode(), NODES.numberNode(1)));
            default -> pick(List.of(NODES.stringNode("not-an-object"), NODES.arrayNode(), NODES.numberNode(7)));
        };
    }

    /** The valid body with one field (at the top, or one level down) replaced. */
    private String mutateField(Operation operation, JsonNode schema, BiFunction<String, String, JsonNode> replacement) {
        JsonNode body = valueFor(schema, operation.schemas(), "");
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return JSON.writeValueAsString(replacement.apply("", operation.schemas().typeOf(schema)));
        }
        List<String> fields = new ArrayList<>(object.propertyNames());
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode fieldSchema = operation.schemas().resolve(schema).path("properties").path(field);
        object.set(field, replacement.apply(field, operation.schemas().typeOf(fieldSchema)));
        return JSON.writeValueAsString(object);
    }

    /**
     * The valid body with every free-text field (a string without enum, format or pattern, also in
     * nested objects and lists) set to one of these, the rest left valid so the request gets as far
     * as the database.
     */
    private String mutateFreeText(Operation operation, JsonNode schema, List<String> values) {
        JsonNode body = valueFor(schema, operation.schemas(), "");
        replaceFreeText(body, schema, operation.schemas(), values);
        return JSON.writeValueAsString(body);
    }

    private void replaceFreeText(JsonNode node, JsonNode schema, PublicOperations.Schemas schemas, List<String> values) {
        JsonNode resolved = schemas.resolve(schema);
        if (node instanceof ObjectNode object) {
            for (String field : new ArrayList<>(object.propertyNames())) {
                JsonNode fieldSchema = schemas.resolve(resolved.path("properties").path(field));
                if (object.get(field).isString() && isFreeText(fieldSchema, schemas)) {
                    object.put(field, pick(values));
                } else {
                    replaceFreeText(object.get(field), fieldSchema, schemas, values);
                }
            }
        } else if (node instanceof ArrayNode array) {
            JsonNode items = schemas.resolve(resolved.path("items"));
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isString() && isFreeText(items, schemas)) {
                    array.set(i, NODES.stringNode(pick(values)));
                } else {
                    replaceFreeText(array.get(i), items, schemas, values);
                }
            }
        }
    }

    private static boolean isFreeText(JsonNode schema, PublicOperations.Schemas schemas) {
        return schemas.typeOf(schema).equals("string") && !schema.has("enum") && !schema.has("format")
                && !schema.has("pattern");
    }

    private String missingRequired(Operation operation, JsonNode schema) {
        JsonNode resolved = operation.schemas().resolve(schema);
        JsonNode body = valueFor(schema, operation.schemas(), "");
        if (body instanceof ObjectNode object && resolved.path("required").size() > 0) {
            if (random.nextInt(4) == 0) {
                return "{}";
            }
            JsonNode required = resolved.get("required");
            object.remove(required.get(random.nextInt(required.size())).asString());
            return JSON.writeValueAsString(object);
        }
        return "{}";
    }

    private String extraFields(String valid) {
        JsonNode body = JSON.readTree(valid);
        if (body instanceof ObjectNode object) {
            object.put("unexpectedField", "x");
            object.set("__proto__", NODES.objectNode().put("admin", true));
            object.put("@class", "java.lang.ProcessBuilder");
            object.put("id", UUID.randomUUID().toString());
            object.put("status", "CLOSED");
            object.put("version", -1);
            return JSON.writeValueAsString(object);
        }
        return valid;
    }

    private String nulls(Operation operation, JsonNode schema) {
        JsonNode body = valueFor(schema, operation.schemas(), "");
        if (body instanceof ObjectNode object) {
            for (String field : new ArrayList<>(object.propertyNames())) {
                object.putNull(field);
            }
        }
        return JSON.writeValueAsString(body);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
