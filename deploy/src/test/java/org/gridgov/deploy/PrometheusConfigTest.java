package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** The scrape configuration and the rules, through promtool (Debian package prometheus). */
class PrometheusConfigTest {

    /** What the issue asks to be alerted on, by the alert that does it. */
    private static final List<String> REQUIRED_ALERTS = List.of("GridGovServiceDown", "GridGovHighErrorRate",
            "GridGovHighLatencyP99", "GridGovConsumerLagHigh", "GridGovOutboxBacklog", "GridGovDeadLetters",
            "GridGovSlaBreaches", "GridGovFulfilmentRateFalling");

    @Test
    void scrape_configuration_and_its_rule_files_pass_promtool_check_config() throws IOException {
        Path config = Repository.TARGET.resolve("prometheus-check").resolve("prometheus.yml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, withRulesFrom(YamlTree.load(Repository.PROMETHEUS.resolve("prometheus.yml"))));

        String report = Tools.run(Repository.DEPLOY, Duration.ofMinutes(1),
                List.of(Tools.require("promtool"), "check", "config", config.toString())).successfulOutput("promtool check config");

        assertThat(report).contains("SUCCESS: " + PrometheusRules.files().size() + " rule files found");
    }

    /** The compose path of the rules (/etc/prometheus/rules) replaced by the repository's, so promtool reads them too. */
    static String withRulesFrom(Map<String, Object> config) {
        config.put("rule_files", List.of(PrometheusRules.RULES.toAbsolutePath() + "/*.yml"));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(config);
    }

    @Test
    void every_scrape_job_reads_actuator_prometheus_of_the_service_it_is_named_after() {
        Map<String, Object> compose = YamlTree.load(Repository.ROOT.resolve("docker-compose.yml"));
        for (Object job : YamlTree.list(YamlTree.load(Repository.PROMETHEUS.resolve("prometheus.yml")), "scrape_configs")) {
            String name = YamlTree.string(job, "job_name");
            String port = YamlTree.string(compose, "services", name, "environment", "SERVER_PORT");

            assertThat(YamlTree.string(job, "metrics_path")).as(name).isEqualTo("/actuator/prometheus");
            assertThat(YamlTree.list(job, "static_configs", 0, "targets")).as(name).containsExactly(name + ":" + port);
        }
    }

    @Test
    void rules_pass_promtool_check_rules() {
        List<String> command = new ArrayList<>(List.of(Tools.require("promtool"), "check", "rules"));
        PrometheusRules.files().forEach(file -> command.add(file.toString()));

        Tools.run(Repository.DEPLOY, Duration.ofMinutes(1), command).successfulOutput("promtool check rules");
    }

    @Test
    void rule_unit_tests_pass() throws IOException {
        List<String> command = new ArrayList<>(List.of(Tools.require("promtool"), "test", "rules"));
        List<Path> tests = ruleTests();
        tests.forEach(file -> command.add(file.toString()));

        String report = Tools.run(Repository.PROMETHEUS, Duration.ofMinutes(2), command).successfulOutput("promtool test rules");

        assertThat(report.lines().filter(line -> line.trim().equals("SUCCESS"))).hasSize(tests.size());
    }

    @Test
    void every_required_alert_exists_and_has_a_unit_test() throws IOException {
        List<String> alerts = PrometheusRules.rules().stream().filter(PrometheusRules.Rule::alert).map(PrometheusRules.Rule::name).toList();
        StringBuilder tests = new StringBuilder();
        for (Path file : ruleTests()) {
            tests.append(Files.readString(file));
        }

        assertThat(alerts).containsAll(REQUIRED_ALERTS);
        assertThat(alerts).allSatisfy(alert -> assertThat(tests.toString()).contains("alertname: " + alert));
    }

    @Test
    void the_kubernetes_prometheus_rule_carries_exactly_these_rules() {
        Map<String, Object> rule = YamlTree.load(Repository.K8S.resolve("base/monitoring/prometheus-rules.yaml"));

        assertThat(YamlTree.list(rule, "spec", "groups"))
                .as("k8s/base/monitoring/prometheus-rules.yaml is generated; after changing deploy/prometheus/rules run:"
                        + " node deploy/tools/prometheus-rule.mjs > k8s/base/monitoring/prometheus-rules.yaml")
                .isEqualTo(PrometheusRules.groups());
    }

    private static List<Path> ruleTests() throws IOException {
        try (var files = Files.list(Repository.PROMETHEUS.resolve("tests"))) {
            return files.filter(file -> file.toString().endsWith(".test.yml")).sorted().toList();
        }
    }
}
