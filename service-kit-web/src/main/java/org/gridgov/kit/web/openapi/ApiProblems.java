package org.gridgov.kit.web.openapi;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The error answers of the API description, written once for every service and the gateway: the
 * RFC 9457 {@code Problem} schema (with {@code errors}, one entry per offending field) and one named
 * {@code application/problem+json} response per status, which operations refer to by
 * {@code #/components/responses/<name>}.
 */
public final class ApiProblems {

    public static final String SCHEMA = "Problem";
    public static final String MEDIA_TYPE = "application/problem+json";

    private record Answer(String name, String description) {
    }

    private static final Map<Integer, Answer> ANSWERS = new TreeMap<>(Map.of(
            400, new Answer("BadRequest", "The request is not valid; `errors` names each offending field and what was expected."),
            401, new Answer("Unauthenticated", "No valid bearer token, or the app's credentials were revoked."),
            403, new Answer("Forbidden", "The caller's role, scopes or jurisdiction do not allow this."),
            404, new Answer("NotFound", "Nothing with this id, or nothing the caller may see."),
            409, new Answer("Conflict", "The resource's current state does not allow this (for example a wish already claimed)."),
            413, new Answer("ContentTooLarge", "The body is larger than this operation accepts (`errors` names the part)."),
            415, new Answer("UnsupportedMediaType", "The body, or an uploaded part, is not of a type this operation accepts."),
            422, new Answer("UnprocessableContent",
                    "Well-formed but refused: the Idempotency-Key was used before for a different request, or an id names nothing."),
            429, new Answer("TooManyRequests", "The client's rate limit is spent; the Retry-After header says when to try again."),
            503, new Answer("ServiceUnavailable", "The service is down or busy for a moment; try again after Retry-After.")));

    private ApiProblems() {
    }

    /** Adds the Problem schema and every named problem response, unless already there. */
    public static void addTo(Components components) {
        if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
            components.addSchemas(SCHEMA, problemSchema());
        }
        ANSWERS.values().forEach(answer -> {
            if (components.getResponses() == null || !components.getResponses().containsKey(answer.name())) {
                components.addResponses(answer.name(), new ApiResponse().description(answer.description())
                        .content(new Content().addMediaType(MEDIA_TYPE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)))));
            }
        });
    }

    /** A reference to the named problem response of a status. */
    public static ApiResponse response(int status) {
        Answer answer = ANSWERS.get(status);
        if (answer == null) {
            throw new IllegalArgumentException("no problem response is described for status " + status);
        }
        return new ApiResponse().$ref("#/components/responses/" + answer.name());
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().maxLength(200).description("the field, e.g. `wantedBy` or `items[2].title`"))
                .addProperty("message", new StringSchema().maxLength(500).description("what was expected"));
        return new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").maxLength(200))
                .addProperty("title", new StringSchema().maxLength(200))
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(2000))
                .addProperty("instance", new StringSchema().maxLength(2000))
                .addProperty("correlationId", new StringSchema().maxLength(100))
                .addProperty("route", new StringSchema().maxLength(100).description("the gateway route that failed (502, 503, 504)"))
                .addProperty("errors", new ArraySchema().items(fieldError).maxItems(100)
                        .description("a 400's offending fields, each with what was expected"));
    }
}
