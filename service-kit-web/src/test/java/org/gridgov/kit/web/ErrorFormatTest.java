package org.gridgov.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ErrorFormatTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static Map<String, Object> problem() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://gridgov.org/problems/too-many-requests");
        problem.put("title", "Too Many Requests");
        problem.put("status", 429);
        problem.put("detail", "Slow down <now> & retry");
        return problem;
    }

    @Test
    void the_api_answers_problem_json_and_the_open311_facade_its_error_list() {
        assertThat(ErrorFormat.forPath("/api/wishes")).isEqualTo(ErrorFormat.PROBLEM_JSON);
        assertThat(ErrorFormat.forPath("/open311/v2/requests.json")).isEqualTo(ErrorFormat.OPEN311_JSON);
        assertThat(ErrorFormat.forPath("/open311/v2/requests")).isEqualTo(ErrorFormat.OPEN311_JSON);
        assertThat(ErrorFormat.forPath("/open311/v2/services/REPAIRS.xml")).isEqualTo(ErrorFormat.OPEN311_XML);
        assertThat(ErrorFormat.forPath("/open3110/x.xml")).isEqualTo(ErrorFormat.PROBLEM_JSON);
    }

    @Test
    void the_open311_error_list_has_the_status_as_a_number() {
        assertThat(new String(ErrorFormat.OPEN311_JSON.render(problem(), JSON), StandardCharsets.UTF_8))
                .isEqualTo("[{\"code\":429,\"description\":\"Slow down <now> & retry\"}]");
    }

    @Test
    void the_open311_xml_error_is_the_specs_document_with_its_text_escaped() {
        assertThat(new String(ErrorFormat.OPEN311_XML.render(problem(), JSON), StandardCharsets.UTF_8))
                .endsWith("<errors><error><code>429</code><description>Slow down &lt;now&gt; &amp; retry</description>"
                        + "</error></errors>");
    }
}
