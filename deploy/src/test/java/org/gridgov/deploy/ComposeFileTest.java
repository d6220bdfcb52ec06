package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.deploy.YamlTree.list;
import static org.gridgov.deploy.YamlTree.map;
import static org.gridgov.deploy.YamlTree.string;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gridgov.contracts.Topic;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked against the Compose Specification's schema and the platform's needs.
 * It is not run here (no Docker engine on the build machines).
 */
class ComposeFileTest {

    private static final Map<String, Object> COMPOSE = YamlTree.load(Repository.ROOT.resolve("docker-compose.yml"));
    private static final Map<String, Object> SERVICES = map(COMPOSE, "services");
    private static final List<String> DOMAIN_SERVICES = List.of("grid-service", "member-service", "wish-service",
            "matching-service", "committee-service", "fieldwork-service", "apps-service");
    private static final List<String> PLATFORM_SERVICES = List.of("gateway", "identity", "grid-service", "member-service",
            "wish-service", "matching-service", "committee-service", "fieldwork-service", "apps-service");
    /** Each with a database of its own: the domain services and the identity provider. */
    private static final List<String> WITH_DATABASES = PLATFORM_SERVICES.subList(1, PLATFORM_SERVICES.size());

    @Test
    void matches_the_compose_specification_schema() {
        String report = Tools.run(Repository.DEPLOY, Duration.ofMinutes(1),
                        List.of(Tools.requireNode(), "tools/validate-compose.mjs", "../docker-compose.yml"))
                .successfulOutput("validation of docker-compose.yml against the Compose schema");

        assertThat(report.strip()).isEqualTo("valid");
    }

    @Test
    void a_misspelt_key_is_refused_by_that_schema() throws Exception {
        var broken = Repository.TARGET.resolve("compose-misspelt.yml");
        java.nio.file.Files.createDirectories(broken.getParent());
        java.nio.file.Files.writeString(broken, YamlTree.read(Repository.ROOT.resolve("docker-compose.yml"))
                .replace("    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready", "    healthchek:\n      test: [\"CMD-SHELL\", \"pg_isready"));

        var result = Tools.run(Repository.DEPLOY, Duration.ofMinutes(1), List.of(Tools.requireNode(), "tools/validate-compose.mjs", broken.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("/services/postgres must NOT have additional properties").contains("healthchek");
    }

    @Test
    void every_long_running_container_has_a_healthcheck_and_a_memory_limit() {
        SERVICES.forEach((name, service) -> {
            assertThat(string(service, "deploy", "resources", "limits", "memory")).as(name).isNotBlank();
            boolean oneShot = "no".equals(string(service, "restart"));
            if (!oneShot) {
                assertThat(list(service, "healthcheck", "test")).as(name).isNotEmpty();
            }
        });
    }

    @Test
    void services_start_only_once_their_database_topics_and_peers_are_ready() {
        for (String service : DOMAIN_SERVICES) {
            assertThat(map(SERVICES, service, "depends_on")).as(service)
                    .containsEntry("postgres", Map.of("condition", "service_healthy"))
                    .containsEntry("kafka-topics", Map.of("condition", "service_completed_successfully"))
                    // they fetch its keys to verify every token
                    .containsEntry("identity", Map.of("condition", "service_healthy"));
        }
        assertThat(map(SERVICES, "gateway", "depends_on")).allSatisfy((name, dependency) -> {
            if (DOMAIN_SERVICES.contains(name)) {
                assertThat(dependency).isEqualTo(Map.of("condition", "service_healthy"));
            }
        }).containsKeys(DOMAIN_SERVICES.toArray(String[]::new));
        assertThat(map(SERVICES, "kafka-topics", "depends_on")).containsEntry("kafka", Map.of("condition", "service_healthy"));
    }

    @Test
    void each_service_with_a_database_has_its_own_database_and_owner() {
        String initScript = YamlTree.read(Repository.DEPLOY.resolve("postgres/create-databases.sql"));
        for (String service : WITH_DATABASES) {
            Map<String, Object> env = map(SERVICES, service, "environment");
            String database = String.valueOf(env.get("DB_NAME"));

            assertThat(env.get("DB_USER")).as(service).isEqualTo(database);
            assertThat(initScript).contains("CREATE DATABASE " + database + " OWNER " + database + ";");
        }
        assertThat(WITH_DATABASES.stream().map(s -> map(SERVICES, s, "environment").get("DB_NAME")).distinct())
                .hasSize(WITH_DATABASES.size());
    }

    @Test
    void every_service_gets_the_environment_of_the_configuration_contract() {
        for (String service : DOMAIN_SERVICES) {
            assertThat(map(SERVICES, service, "environment")).as(service).containsKeys("SERVER_PORT", "DB_HOST", "DB_PORT",
                    "DB_NAME", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "OIDC_ISSUER_URI", "OIDC_JWKS_URI");
            // the gateway's route to the service points at the port the service listens on
            String urlVariable = service.replace("-service", "").toUpperCase() + "_SERVICE_URL";
            assertThat(string(SERVICES, "gateway", "environment", urlVariable))
                    .isEqualTo("http://" + service + ":" + string(SERVICES, service, "environment", "SERVER_PORT"));
        }
    }

    @Test
    void every_variable_a_service_cannot_start_without_is_set() {
        assertThat(ServiceReadmes.requiredVariables("wish-service")).as("wish-service/README.md's required rows").contains("WISH_DATA_KEY");
        for (String service : PLATFORM_SERVICES) {
            assertThat(map(SERVICES, service, "environment").keySet()).as(service)
                    .containsAll(ServiceReadmes.requiredVariables(service));
        }
    }

    @Test
    void kafka_runs_in_kraft_mode_and_every_contract_topic_is_created_with_its_dead_letter_topic() {
        Map<String, Object> kafka = map(SERVICES, "kafka", "environment");
        String topicScript = String.join("\n", list(SERVICES, "kafka-topics", "command").stream().map(String::valueOf).toList());

        assertThat(String.valueOf(kafka.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
        assertThat(kafka).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(topicScript).contains("for topic in " + String.join(" ", Arrays.stream(Topic.values()).map(Topic::topicName).toList()) + ";")
                .contains("\"$$topic.dlt\"").contains("--partitions 3");
    }

    @Test
    void prometheus_and_grafana_are_provisioned_from_the_repository() {
        assertThat(list(SERVICES, "prometheus", "volumes")).contains(
                "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/prometheus/rules:/etc/prometheus/rules:ro");
        assertThat(list(YamlTree.load(Repository.PROMETHEUS.resolve("prometheus.yml")), "rule_files"))
                .containsExactly("/etc/prometheus/rules/*.yml");
        assertThat(map(SERVICES, "grafana", "depends_on")).containsEntry("prometheus", Map.of("condition", "service_healthy"));
    }
}
