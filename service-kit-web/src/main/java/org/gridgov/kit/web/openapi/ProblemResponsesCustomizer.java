package org.gridgov.kit.web.openapi;

import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives every REST operation of the service's API description ({@code /api/**}) its problem+json
 * error answers, from its shape and what it declares with {@link ProblemResponses}:
 * <ul>
 * <li>400 when it takes parameters or a body;</li>
 * <li>401 and 403 (every {@code /api} call needs a token and is checked for role and jurisdiction);</li>
 * <li>404 when its path names a resource by id;</li>
 * <li>422 for a command (POST, PUT, PATCH, DELETE): an {@code Idempotency-Key} reused for another request;</li>
 * <li>whatever {@code @ProblemResponses} adds (409 for a state change, for instance).</li>
 * </ul>
 * Paths outside {@code /api} (Open311) answer in their own formats and are left as described.
 */
public class ProblemResponsesCustomizer implements GlobalOpenApiCustomizer, OperationCustomizer {

    private static final Set<PathItem.HttpMethod> COMMANDS = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** The statuses a handler declares with {@link ProblemResponses}. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
        if (declared != null) {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            for (int status : declared.value()) {
                operation.getResponses().putIfAbsent(Integer.toString(status), ApiProblems.response(status));
            }
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        ApiProblems.addTo(api.getComponents());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Set<Integer> statuses = statuses(path, method, operation);
            if (!statuses.isEmpty() && operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            statuses.forEach(status -> operation.getResponses().putIfAbsent(Integer.toString(status), ApiProblems.response(status)));
        }));
    }

    private static Set<Integer> statuses(String path, PathItem.HttpMethod method, Operation operation) {
        Set<Integer> statuses = new TreeSet<>();
        if (!path.startsWith("/api/")) {
            return statuses;
        }
        boolean inputs = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (inputs) {
            statuses.add(400);
        }
        statuses.add(401);
        statuses.add(403);
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (COMMANDS.contains(method)) {
            statuses.add(422);
        }
        return statuses;
    }
}
