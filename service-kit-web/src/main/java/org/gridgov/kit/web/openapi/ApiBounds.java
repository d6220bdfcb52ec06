package org.gridgov.kit.web.openapi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.gridgov.kit.web.Page;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Gives every string, integer and array of the API description the bound the API really holds it
 * to, where its annotations (bean validation: {@code @Size}, {@code @Min}, {@code @Max}, which
 * springdoc already turns into {@code maxLength}, {@code minimum}, {@code maximum}, {@code maxItems})
 * say nothing. The bounds come from the kit's own limits, each of which the API enforces:
 * <ul>
 * <li>a body is at most {@value #BODY_BYTES} bytes (the gateway refuses more with 413, every service
 *     reads no more), so no string or list in it is longer;</li>
 * <li>a request line is at most {@value #REQUEST_LINE} characters and the headers {@value #HEADERS}
 *     bytes (the HTTP server answers 414 and 431), which bounds path, query and header parameters;</li>
 * <li>a page holds 1 to {@value Page#MAX_LIMIT} items ({@link Page#limit}: a 400 naming {@code limit}
 *     otherwise);</li>
 * <li>a UUID is 36 characters, a date 10, a date-time at most {@value #DATE_TIME}; anything longer
 *     does not parse (a 400 naming the field);</li>
 * <li>an integer is within its format's range (int32 or int64): a larger number does not bind (a 400).</li>
 * </ul>
 */
public class ApiBounds implements GlobalOpenApiCustomizer {

    /** The API's body limit (the gateway's {@code max-request-body}, the services' {@code max-in-memory-size}). */
    public static final int BODY_BYTES = 1024 * 1024;
    /** The HTTP server's longest request line (Netty's default, answered 414 beyond). */
    public static final int REQUEST_LINE = 4096;
    /** The HTTP server's largest header block (Netty's default, answered 431 beyond). */
    public static final int HEADERS = 8192;
    /** The longest ISO-8601 date-time Java parses: {@code +999999999-12-31T23:59:59.999999999+18:00}. */
    public static final int DATE_TIME = 41;

    private enum Where { BODY, PATH_OR_QUERY, HEADER }

    @Override
    public void customise(OpenAPI api) {
        applyTo(api);
    }

    /** Bounds every schema of {@code api} that has none (also callable on a merged description). */
    public static void applyTo(OpenAPI api) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Components components = api.getComponents();
        if (components != null) {
            each(components.getSchemas()).forEach(schema -> bound(schema, Where.BODY, seen));
            each(components.getParameters()).forEach(parameter -> bound(parameter, seen));
            each(components.getRequestBodies()).forEach(body -> bound(body, seen));
            each(components.getResponses()).forEach(response -> bound(response, seen));
            each(components.getHeaders()).forEach(header -> bound(header.getSchema(), Where.HEADER, seen));
        }
        if (api.getPaths() != null) {
            for (PathItem item : api.getPaths().values()) {
                list(item.getParameters()).forEach(parameter -> bound(parameter, seen));
                for (Operation operation : item.readOperations()) {
                    list(operation.getParameters()).forEach(parameter -> bound(parameter, seen));
                    bound(operation.getRequestBody(), seen);
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().forEach(response -> bound(response, seen));
                    }
                }
            }
        }
    }

    private static void bound(Parameter parameter, Set<Schema<?>> seen) {
        if (parameter == null || parameter.getSchema() == null) {
            return;
        }
        Schema<?> schema = parameter.getSchema();
        if ("limit".equals(parameter.getName()) && isType(schema, "integer")) {
            // the page size, as Page.limit enforces it
            setIfAbsent(schema, BigDecimal.ONE, BigDecimal.valueOf(Page.MAX_LIMIT));
        }
        bound(schema, "header".equals(parameter.getIn()) || "cookie".equals(parameter.getIn()) ? Where.HEADER
                : Where.PATH_OR_QUERY, seen);
    }

    private static void bound(RequestBody body, Set<Schema<?>> seen) {
        if (body != null) {
            bound(body.getContent(), seen);
        }
    }

    private static void bound(ApiResponse response, Set<Schema<?>> seen) {
        if (response == null) {
            return;
        }
        bound(response.getContent(), seen);
        each(response.getHeaders()).forEach(header -> bound(header.getSchema(), Where.HEADER, seen));
    }

    private static void bound(Content content, Set<Schema<?>> seen) {
        if (content != null) {
            content.values().forEach(media -> bound(media.getSchema(), Where.BODY, seen));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void bound(Schema<?> schema, Where where, Set<Schema<?>> seen) {
        if (schema == null || schema.get$ref() != null && schema.getProperties() == null || !seen.add(schema)) {
            return;
        }
        if (isType(schema, "string") && schema.getMaxLength() == null && isEmpty(schema.getEnum())
                && schema.getConst() == null) {
            schema.setMaxLength(maxLength(schema.getFormat(), where));
        }
        if (isType(schema, "integer")) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            setIfAbsent(schema, BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE),
                    BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
        }
        if (isType(schema, "array") && schema.getMaxItems() == null) {
            // each item of a list takes at least two characters ("1,") of the body, the line or the headers
            schema.setMaxItems(switch (where) {
                case BODY -> BODY_BYTES / 2;
                case PATH_OR_QUERY -> REQUEST_LINE / 2;
                case HEADER -> HEADERS / 2;
            });
        }
        Map<String, Schema> properties = schema.getProperties();
        if (isPage(schema) && properties.get("items").getMaxItems() == null) {
            properties.get("items").setMaxItems(Page.MAX_LIMIT);
        }
        if (properties != null) {
            properties.values().forEach(property -> bound((Schema<?>) property, where, seen));
        }
        bound(schema.getItems(), where, seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            bound((Schema<?>) additional, where, seen);
        }
        list(schema.getAllOf()).forEach(part -> bound((Schema<?>) part, where, seen));
        list(schema.getOneOf()).forEach(part -> bound((Schema<?>) part, where, seen));
        list(schema.getAnyOf()).forEach(part -> bound((Schema<?>) part, where, seen));
        if (schema.getPrefixItems() != null) {
            schema.getPrefixItems().forEach(part -> bound((Schema<?>) part, where, seen));
        }
    }

    /** A page's items: the list schema of a {@code Page} (its {@code items} property next to {@code next}). */
    static boolean isPage(Schema<?> schema) {
        return schema.getProperties() != null && schema.getProperties().containsKey("items")
                && schema.getProperties().containsKey("next");
    }

    private static int maxLength(String format, Where where) {
        if (format != null) {
            switch (format) {
                case "uuid":
                    return 36;
                case "date":
                    return 10;
                case "date-time":
                    return DATE_TIME;
                default:
                    break;
            }
        }
        return switch (where) {
            case BODY -> BODY_BYTES;
            case PATH_OR_QUERY -> REQUEST_LINE;
            case HEADER -> HEADERS;
        };
    }

    private static void setIfAbsent(Schema<?> schema, BigDecimal minimum, BigDecimal maximum) {
        if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
            schema.setMinimum(minimum);
        }
        if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
            schema.setMaximum(maximum);
        }
    }

    /** The schema's type, whether given as {@code type} (OpenAPI 3.0) or in {@code types} (3.1). */
    static boolean isType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains(type);
    }

    private static boolean isEmpty(List<?> values) {
        return values == null || values.isEmpty();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static <T> java.util.Collection<T> each(Map<String, T> values) {
        return values == null ? List.of() : values.values();
    }
}
