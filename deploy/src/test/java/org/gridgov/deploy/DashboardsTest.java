package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** The Grafana dashboards: well-formed, on the provisioned datasource, and every query valid PromQL. */
class DashboardsTest {

    @Test
    void the_three_dashboards_of_the_issue_are_there_with_distinct_uids() {
        List<String> uids = Dashboards.files().stream().map(file -> YamlTree.string(Dashboards.load(file), "uid")).toList();

        assertThat(uids).containsExactlyInAnyOrder("gridgov-platform", "gridgov-events", "gridgov-workflow");
    }

    @Test
    void every_panel_and_variable_queries_the_provisioned_prometheus_datasource() {
        String provisioned = YamlTree.string(YamlTree.load(Repository.DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")),
                "datasources", 0, "uid");
        for (Path file : Dashboards.files()) {
            Map<String, Object> dashboard = Dashboards.load(file);
            for (Object panel : Dashboards.panels(dashboard)) {
                if (!"row".equals(YamlTree.string(panel, "type"))) {
                    assertThat(YamlTree.string(panel, "datasource", "uid")).as(file + " " + YamlTree.string(panel, "title"))
                            .isEqualTo(provisioned);
                }
            }
            assertThat(YamlTree.list(dashboard, "templating", "list"))
                    .allSatisfy(variable -> assertThat(YamlTree.string(variable, "datasource", "uid")).isEqualTo(provisioned));
        }
    }

    @Test
    void panels_do_not_overlap() {
        for (Path file : Dashboards.files()) {
            Set<String> cells = new HashSet<>();
            for (Object panel : Dashboards.panels(Dashboards.load(file))) {
                Map<String, Object> grid = YamlTree.map(panel, "gridPos");
                int x = (Integer) grid.get("x");
                int y = (Integer) grid.get("y");
                for (int dx = 0; dx < (Integer) grid.get("w"); dx++) {
                    for (int dy = 0; dy < (Integer) grid.get("h"); dy++) {
                        assertThat(cells.add((x + dx) + "," + (y + dy))).as(file + " " + YamlTree.string(panel, "title")).isTrue();
                    }
                }
                assertThat(x + (Integer) grid.get("w")).isLessThanOrEqualTo(24);
            }
        }
    }

    /** promtool parses every query, given as a recording rule, with Grafana's variables filled in. */
    @Test
    void every_panel_query_is_valid_promql() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Dashboards.Query query : Dashboards.queries()) {
            if (!query.variable()) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("record", "dashboard_query_" + rules.size());
                rule.put("expr", query.promql().replace("$__rate_interval", "1m").replace("$__range", "1h")
                        .replaceAll("\\$\\w+", ".*"));
                rules.add(rule);
            }
        }
        Path file = Repository.TARGET.resolve("dashboard-queries.yml");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(file, new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

        String report = Tools.run(Repository.DEPLOY, Duration.ofMinutes(1), List.of(Tools.require("promtool"), "check", "rules",
                file.toString())).successfulOutput("promtool check rules on the dashboards' queries (" + file + ")");

        assertThat(report).contains("SUCCESS: " + rules.size() + " rules found");
    }

    @Test
    void every_recorded_series_a_dashboard_reads_is_recorded_by_a_rule() {
        Set<String> recorded = new HashSet<>(PrometheusRules.rules().stream().filter(rule -> !rule.alert())
                .map(PrometheusRules.Rule::name).toList());

        assertThat(Dashboards.queries().stream().flatMap(query -> MetricNames.in(query.promql()).stream())
                .filter(MetricNames::isRecorded)).isNotEmpty().allSatisfy(name -> assertThat(recorded).contains(name));
    }

    @Test
    void compose_mounts_the_dashboards_where_the_provisioning_looks_for_them() {
        Map<String, Object> compose = YamlTree.load(Repository.ROOT.resolve("docker-compose.yml"));
        String providerPath = YamlTree.string(YamlTree.load(Repository.DEPLOY.resolve("grafana/provisioning/dashboards/gridgov.yml")),
                "providers", 0, "options", "path");

        assertThat(YamlTree.list(compose, "services", "grafana", "volumes"))
                .contains("./k8s/base/monitoring/dashboards:" + providerPath + ":ro", "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
    }
}
