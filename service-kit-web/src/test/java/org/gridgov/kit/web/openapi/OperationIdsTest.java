package org.gridgov.kit.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void one_handler_on_several_format_paths_is_named_by_format_instead_of_numbered() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/open311/v2/services", get("listOpen311Services"))
                .addPathItem("/open311/v2/services.json", get("listOpen311Services_1"))
                .addPathItem("/open311/v2/services.xml", get("listOpen311Services_2"))
                .addPathItem("/api/wishes", get("listWishes")));

        new OperationIds().customise(api);

        assertThat(api.getPaths()).extractingFromEntries(entry -> entry.getValue().getGet().getOperationId())
                .containsExactly("listOpen311Services", "listOpen311ServicesJson", "listOpen311ServicesXml", "listWishes");
    }

    @Test
    void two_handlers_that_both_lack_a_name_stay_numbered_for_the_description_test_to_find() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/wishes/{id}", get("get"))
                .addPathItem("/api/needs/{id}", get("get_1")));

        new OperationIds().customise(api);

        assertThat(api.getPaths()).extractingFromEntries(entry -> entry.getValue().getGet().getOperationId())
                .containsExactly("get", "get_1");
    }

    private static PathItem get(String operationId) {
        return new PathItem().get(new Operation().operationId(operationId));
    }
}
