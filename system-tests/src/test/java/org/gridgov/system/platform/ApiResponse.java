package org.gridgov.system.platform;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of the platform. A call that got no answer at all (connection refused or reset) has
 * status 0, so that tests under faults can count it instead of failing on it.
 */
public record ApiResponse(String method, String path, int status, HttpHeaders headers, String body) {

    static final JsonMapper JSON = JsonMapper.shared();

    static ApiResponse noAnswer(String method, String path, IOException e) {
        return new ApiResponse(method, path, 0, HttpHeaders.of(Map.of(), (a, b) -> true), String.valueOf(e));
    }

    public JsonNode json() {
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    /** A field of the JSON body as text. */
    public String field(String name) {
        return json().path(name).asString();
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public boolean isSuccess() {
        return status / 100 == 2;
    }

    public boolean isProblem() {
        return contentType().startsWith("application/problem+json");
    }

    /** This answer, or fails naming the call and what it got. */
    public ApiResponse expect(int... statuses) {
        for (int expected : statuses) {
            if (status == expected) {
                return this;
            }
        }
        throw new AssertionError(this + " was expected to answer " + Arrays.toString(statuses));
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
        return method + " " + path + " → " + status + " " + shown;
    }
}
