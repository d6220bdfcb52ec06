package org.gridgov.kit.web.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * One handler mapped to several paths that differ only in their format suffix (Open311's
 * {@code /services}, {@code /services.json}, {@code /services.xml}) is one operation per path; springdoc
 * numbers the repeats ({@code services_1}). This names them by format instead — {@code services},
 * {@code servicesJson}, {@code servicesXml} — so generated clients get meaningful, unique methods.
 */
public class OperationIds implements GlobalOpenApiCustomizer {

    private static final Pattern NUMBERED = Pattern.compile("(.+)_\\d+");
    private static final Pattern FORMAT = Pattern.compile(".*\\.([a-z]+)$");

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Map<String, List<Map.Entry<String, Operation>>> byBaseId = new LinkedHashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (operation.getOperationId() != null) {
                byBaseId.computeIfAbsent(baseId(operation.getOperationId()), id -> new ArrayList<>())
                        .add(Map.entry(path, operation));
            }
        }));
        byBaseId.forEach((id, operations) -> {
            if (operations.size() > 1 && operations.stream().map(Map.Entry::getKey).map(OperationIds::format).distinct()
                    .count() == operations.size()) {
                operations.forEach(operation -> operation.getValue().setOperationId(id + format(operation.getKey())));
            }
        });
    }

    private static String baseId(String operationId) {
        Matcher numbered = NUMBERED.matcher(operationId);
        return numbered.matches() ? numbered.group(1) : operationId;
    }

    /** "Json" for a path ending in .json, "" for none. */
    private static String format(String path) {
        Matcher format = FORMAT.matcher(path);
        return format.matches() ? format.group(1).substring(0, 1).toUpperCase(Locale.ROOT) + format.group(1).substring(1) : "";
    }
}
