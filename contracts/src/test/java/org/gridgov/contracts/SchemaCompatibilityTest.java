package org.gridgov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Released schemas are a promise to every consumer and to the events already on the topics: a change that
 * breaks them must be a new {@code .vN} type. When a schema is released, copy it into
 * {@code src/test/resources/schema-baseline/}; never edit a baseline file to make this test pass.
 */
class SchemaCompatibilityTest {

    @Test
    void every_released_schema_is_still_registered_and_only_changed_compatibly() {
        Map<String, String> released = TestResources.jsonFilesIn("/schema-baseline");
        Map<String, String> current = new HashMap<>();
        Arrays.stream(EventType.values())
                .forEach(type -> current.put(type.type(), TestResources.read(type.schemaResource())));
        current.put("common", TestResources.read("/schemas/common.json"));

        assertThat(released).containsKey("common").hasSizeGreaterThan(1);
        assertThat(SchemaCompatibilityChecker.check(released, current)).isEmpty();
    }
}
