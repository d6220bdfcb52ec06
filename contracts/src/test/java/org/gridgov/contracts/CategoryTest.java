package org.gridgov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CategoryTest {

    @Test
    void the_categories_services_use_are_exactly_those_the_event_schemas_accept() {
        JsonNode schema = JsonMapper.builder().build().readTree(TestResources.read("/schemas/common.json"));
        List<String> accepted = new ArrayList<>();
        schema.at("/$defs/category/enum").forEach(value -> accepted.add(value.asString()));

        assertThat(Arrays.stream(Category.values()).map(Category::name)).containsExactlyElementsOf(accepted);
    }
}
