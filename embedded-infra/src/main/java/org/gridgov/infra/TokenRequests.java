package org.gridgov.infra;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.gridgov.infra.LocalOidcIssuer.HttpProblem;

/** Reads the JSON body of {@code POST /local/token}; anything malformed is a 400. */
final class TokenRequests {

    private TokenRequests() {
    }

    static TokenRequest parse(String body) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw badRequest("the body is not a JSON object");
        }
        String subject = string(json, "sub");
        if (subject == null || subject.isBlank()) {
            throw badRequest("\"sub\" is required");
        }
        try {
            return new TokenRequest(subject, roles(json), string(json, "jurisdiction"), string(json, "unit"),
                    string(json, "member"), string(json, "scope"), lifetime(json), string(json, "department"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static String string(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw badRequest("\"" + name + "\" must be a string");
    }

    private static List<String> roles(Map<String, Object> json) {
        Object value = json.get("roles");
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(role -> role instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw badRequest("\"roles\" must be an array of strings");
    }

    private static Duration lifetime(Map<String, Object> json) {
        Object value = json.get("expiresInSeconds");
        if (value == null) {
            return TokenRequest.DEFAULT_LIFETIME;
        }
        if (value instanceof Number seconds && seconds.doubleValue() == Math.rint(seconds.doubleValue())) {
            return Duration.ofSeconds(seconds.longValue());
        }
        throw badRequest("\"expiresInSeconds\" must be a whole number");
    }

    private static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, detail);
    }
}
