package org.gridgov.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.gridgov.system.fuzz.PublicOperations.Operation;
import org.gridgov.system.fuzz.PublicOperations.Parameter;

/**
 * Bad requests beyond the body, written as raw bytes (an HTTP client would refuse or repair most):
 * the path's segments (blank, whitespace, encoded controls, very long), query parameter names and
 * values, malformed {@code %} escapes, every header that matters ({@code Content-Type},
 * {@code Accept}, {@code Idempotency-Key}, unprintable or oversized headers) and request lines
 * longer than the HTTP server reads. Each case starts from a request the operation accepts and
 * breaks one part of it. Drawn from a seeded {@link Random}, like {@link BadInput}.
 */
final class WholeRequests {

    /** One raw request, and what it tries. */
    record Case(String family, Operation operation, String target, Map<String, String> headers, byte[] body) {

        byte[] bytes(String correlationId) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(operation.method()).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: gridgov\r\nX-Correlation-Id: ").append(correlationId).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            out.write(headBytes, 0, headBytes.length);
            if (body != null) {
                out.write(body, 0, body.length);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            String shown = target.length() > 200 ? target.substring(0, 200) + "…(" + target.length() + " chars)" : target;
            return family + ": " + operation.method() + " " + shown + " " + headers.keySet();
        }
    }

    private static final List<String> BLANK_SEGMENTS = List.of("%20", "%20%20", "%09", "%0A", "+", "%C2%A0", "%E3%80%80");
    private static final List<String> CONTROL_SEGMENTS = List.of("%01", "a%00b", "%7F", "%0D%0Ax", "%1B%5B2J", "%08", "%FF",
            "%C0%AF", "%2e%2e", "%2F", "%5C");
    private static final List<String> MALFORMED_ESCAPES = List.of("%", "%z", "%zz", "%4", "%E0%A4", "%%", "%u0041", "%G0",
            "%F0%9F%98");
    private static final List<String> ODD_NAMES = List.of("%01", "a%00b", "%0D%0A", "%7F", "", "%20", "[", "a[b", "%3D",
            "%26", "%C0%80", "x".repeat(3000), "%E2%80%AE");
    private static final List<String> ODD_VALUES = List.of("%01", "%00", "%0D%0ASet-Cookie:%20x", "%7F", "%20", "",
            "%E2%80%AE", "%F0%9F%98%80", "x".repeat(3000), "-1", "99999999999999999999", "NaN");
    private static final List<String> CONTENT_TYPES = List.of("garbage", ";;", "/", "application/", "application/json; charset",
            "application/json; charset=bogus", "application/json, text/plain", "application/x-www-form-urlencoded, text/plain",
            "multipart/form-data", "text/plain", "application/xml", "*/*", "application/json;=", "application/json\u0001",
            "application/x-www-form-urlencoded; charset=utf-7");
    private static final List<String> ACCEPTS = List.of("garbage", "text/event-stream", "application/xml", "text/html",
            "*/*;q=abc", ";", "application/json;q=0", "image/png", "application/problem+xml", "text/event-stream, garbage");
    private static final List<String> IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(5000), "a\u0001b", "\u00ff\u00fe",
            "键", "../../etc", "'; drop table idempotency; --", "%00", "x".repeat(65));
    /** Above Netty's 4096-character request line, and above its 8 KB of headers. */
    private static final int OVERLONG = 10_000;

    private final Random random;
    private final BadInput input;

    WholeRequests(Random random, BadInput input) {
        this.random = random;
        this.input = input;
    }

    /** Every family once for this operation, as sent by a caller with {@code authorization} (a header line's value). */
    List<Case> casesFor(Operation operation, String authorization) {
        String valid = input.path(operation, null);
        byte[] body = input.bodyBytes(operation);
        boolean open311Post = operation.path().startsWith("/open311/") && operation.method().equals("POST");
        String contentType = open311Post ? "application/x-www-form-urlencoded" : body == null ? null : "application/json";
        if (open311Post) {
            body = ("service_code=REPAIRS&address_string=" + UUID.randomUUID() + "&api_key=fuzz").getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (!operation.method().equals("GET")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        List<Case> cases = new ArrayList<>();
        boolean hasPathParameter = operation.parameters().stream().anyMatch(p -> p.in().equals("path"));
        if (hasPathParameter) {
            cases.add(new Case("blank-path-segment", operation, input.path(operation, pick(BLANK_SEGMENTS)), headers, body));
            cases.add(new Case("empty-path-segment", operation, input.path(operation, ""), headers, body));
            cases.add(new Case("control-path-segment", operation, input.path(operation, pick(CONTROL_SEGMENTS)), headers, body));
            cases.add(new Case("long-path-segment", operation, input.path(operation, "x".repeat(3000)), headers, body));
        } else {
            cases.add(new Case("extra-path-segment", operation, insertSegment(valid, pick(CONTROL_SEGMENTS)), headers, body));
        }
        cases.add(new Case("malformed-escape-path", operation, insertSegment(valid, "a" + pick(MALFORMED_ESCAPES) + "b"),
                headers, body));
        cases.add(new Case("malformed-escape-query", operation, withQuery(valid, queryName(operation) + "=" + pick(MALFORMED_ESCAPES)),
                headers, body));
        cases.add(new Case("odd-parameter-name", operation, withQuery(valid, pick(ODD_NAMES) + "=1"), headers, body));
        cases.add(new Case("odd-parameter-value", operation, withQuery(valid, queryName(operation) + "=" + pick(ODD_VALUES)),
                headers, body));
        cases.add(new Case("repeated-parameter", operation, withQuery(valid, queryName(operation) + "=1&" + queryName(operation)
                + "=" + pick(ODD_VALUES)), headers, body));
        cases.add(new Case("overlong-request-line", operation, withQuery(valid, "q=" + "x".repeat(OVERLONG)), headers, body));
        cases.add(new Case("overlong-headers", operation, valid, with(headers, "X-Padding", "p".repeat(OVERLONG)), body));
        cases.add(new Case("content-type", operation, valid, with(headers, "Content-Type", pick(CONTENT_TYPES)),
                body == null ? "x=1".getBytes(StandardCharsets.UTF_8) : body));
        cases.add(new Case("two-content-types", operation, valid, with(headers, "Content-Type",
                (contentType == null ? "application/json" : contentType) + "\r\nContent-Type: " + pick(CONTENT_TYPES)),
                body == null ? "{}".getBytes(StandardCharsets.UTF_8) : body));
        cases.add(new Case("accept", operation, valid, with(headers, "Accept", pick(ACCEPTS)), body));
        cases.add(new Case("idempotency-key", operation, valid, with(headers, "Idempotency-Key", pick(IDEMPOTENCY_KEYS)), body));
        cases.add(new Case("unprintable-header", operation, valid, with(headers, pick(List.of("X-Odd", "Accept-Language",
                "X-Correlation-Id", "Origin")), pick(List.of("a\u0001b", "\u007f", "a\u001bb", "\u00ff"))), body));
        return cases;
    }

    private String queryName(Operation operation) {
        List<Parameter> query = operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
        return query.isEmpty() ? "page" : query.get(random.nextInt(query.size())).name();
    }

    private String insertSegment(String path, String segment) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        String rest = query < 0 ? "" : path.substring(query);
        int slash = bare.lastIndexOf('/');
        return bare.substring(0, slash + 1) + segment + (random.nextBoolean() ? "" : "/" + bare.substring(slash + 1)) + rest;
    }

    private static String withQuery(String path, String parameter) {
        return path + (path.contains("?") ? "&" : "?") + parameter;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return changed;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
