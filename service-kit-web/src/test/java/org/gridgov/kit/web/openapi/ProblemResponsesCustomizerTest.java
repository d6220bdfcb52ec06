package org.gridgov.kit.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class ProblemResponsesCustomizerTest {

    private final ProblemResponsesCustomizer customizer = new ProblemResponsesCustomizer();

    @Test
    void a_command_on_a_resource_gets_the_problems_its_shape_implies_and_those_it_declares() throws Exception {
        Operation claim = customizer.customize(operation(), handler("claim"));
        Operation list = operation().addParametersItem(new Parameter().name("status").in("query"));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/wishes/{id}/claim", new PathItem().post(claim))
                .addPathItem("/api/wishes", new PathItem().get(list)));

        customizer.customise(api);

        assertThat(claim.getResponses()).containsOnlyKeys("200", "401", "403", "404", "409", "422");
        assertThat(claim.getResponses().get("409").get$ref()).isEqualTo("#/components/responses/Conflict");
        assertThat(list.getResponses()).containsOnlyKeys("200", "400", "401", "403");
        assertThat(api.getComponents().getResponses().get("BadRequest").getContent().get("application/problem+json")
                .getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties()).containsKeys("type", "status", "errors");
    }

    @Test
    void open311_answers_in_its_own_format_and_is_left_alone() {
        Operation post = operation().requestBody(new RequestBody());
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/open311/v2/requests.json", new PathItem().post(post)));

        customizer.customise(api);

        assertThat(post.getResponses()).containsOnlyKeys("200");
    }

    private static Operation operation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ok")));
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
    }

    static class Handlers {
        @ProblemResponses(409)
        void claim() {
        }
    }
}
