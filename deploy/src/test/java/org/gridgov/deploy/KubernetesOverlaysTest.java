package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.deploy.YamlTree.at;
import static org.gridgov.deploy.YamlTree.list;
import static org.gridgov.deploy.YamlTree.map;
import static org.gridgov.deploy.YamlTree.string;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gridgov.contracts.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays of k8s/, rendered by Kustomize, against the Kubernetes and CRD schemas and the platform's rules. */
class KubernetesOverlaysTest {

    private static final List<String> DOMAIN_SERVICES = List.of("grid-service", "member-service", "wish-service",
            "matching-service", "committee-service", "fieldwork-service", "apps-service");
    private static final List<String> SERVICES = Stream.concat(Stream.of("gateway", "identity"), DOMAIN_SERVICES.stream()).toList();
    /** Each owns a PostgreSQL cluster named after its database: the domain services and the identity provider. */
    private static final Map<String, String> DATABASES = Stream.concat(Stream.of("identity"), DOMAIN_SERVICES.stream())
            .collect(Collectors.toMap(service -> service, service -> service.replaceFirst("-service$", "")));

    /** kubectl apply -k, Argo CD and Flux render with the default load restrictor: nothing read from outside k8s/. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void renders_with_kustomize_defaults_and_no_flags(String overlay) {
        String kubectl = Tools.require("kubectl");

        String yaml = Tools.run(Repository.ROOT, Duration.ofMinutes(2), List.of(kubectl, "kustomize", "k8s/overlays/" + overlay))
                .successfulOutput("kubectl kustomize k8s/overlays/" + overlay);

        assertThat(YamlTree.loadAll(yaml)).hasSize(RenderedOverlay.of(overlay).objects().size())
                .anySatisfy(object -> assertThat(object).containsEntry("kind", "ConfigMap")
                        .extracting(o -> string(o, "metadata", "name")).isEqualTo("gridgov-dashboards"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void every_rendered_object_matches_the_schema_of_its_kind(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> command = new ArrayList<>(List.of(Tools.requireNode(), "tools/validate-manifests.mjs"));
        CrdSchemas.folders().forEach(folder -> command.addAll(List.of("--crds", folder.toString())));
        command.add(rendered.file().toString());

        String report = Tools.run(Repository.DEPLOY, Duration.ofMinutes(2), command)
                .successfulOutput("schema validation of overlay " + overlay);

        assertThat(report.lines().filter(line -> line.startsWith("ok "))).hasSize(rendered.objects().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void built_in_objects_use_only_fields_the_kubernetes_api_defines(String overlay) {
        List<String> violations = RenderedOverlay.of(overlay).objects().stream()
                .flatMap(object -> ApiFields.violation(object).map(v -> object.get("kind") + "/"
                        + string(object, "metadata", "name") + ": " + v).stream())
                .toList();

        assertThat(violations).isEmpty();
    }

    @Test
    void a_misspelt_field_is_refused() {
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "gateway"),
                "spec", Map.of("selector", Map.of(), "template", Map.of("spec", Map.of("containers",
                        List.of(Map.of("name", "app", "readinesProbe", Map.of()))))));

        assertThat(ApiFields.violation(deployment)).hasValueSatisfying(v -> assertThat(v).contains("readinesProbe"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void every_service_is_probed_on_actuator_health_and_drains_before_it_stops(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : SERVICES) {
            Map<String, Object> pod = map(rendered.named("Deployment", service), "spec", "template", "spec");
            Map<String, Object> app = map(pod, "containers", 0);

            assertThat(string(app, "startupProbe", "httpGet", "path")).as(service).isEqualTo("/actuator/health/liveness");
            assertThat(string(app, "livenessProbe", "httpGet", "path")).as(service).isEqualTo("/actuator/health/liveness");
            assertThat(string(app, "readinessProbe", "httpGet", "path")).as(service).isEqualTo("/actuator/health/readiness");
            assertThat(list(app, "lifecycle", "preStop", "exec", "command")).as(service).containsExactly("sleep", "10");
            // the drain, then Spring's graceful shutdown (20 s a phase), must fit before the kill
            assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(service).isGreaterThanOrEqualTo(10 + 20 + 5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void every_service_requests_cpu_and_memory_and_is_limited_to_the_memory_it_requests(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : SERVICES) {
            Map<String, Object> resources = map(rendered.named("Deployment", service), "spec", "template", "spec",
                    "containers", 0, "resources");

            assertThat(map(resources, "requests")).as(service).containsKeys("cpu", "memory");
            // a memory limit above the request lets a node overcommit and kill the JVM at random
            assertThat(string(resources, "limits", "memory")).as(service).isEqualTo(string(resources, "requests", "memory"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void every_service_has_a_disruption_budget_and_an_autoscaler_on_cpu(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : SERVICES) {
            Map<String, Object> budget = rendered.named("PodDisruptionBudget", service);
            Map<String, Object> autoscaler = rendered.named("HorizontalPodAutoscaler", service);

            assertThat(map(budget, "spec", "selector", "matchLabels")).as(service)
                    .isEqualTo(map(rendered.named("Deployment", service), "spec", "selector", "matchLabels"));
            assertThat(string(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(service);
            assertThat(string(autoscaler, "spec", "metrics", 0, "resource", "name")).as(service).isEqualTo("cpu");
            // the autoscaler owns the replica count; a fixed one would be reset on every apply
            assertThat(at(rendered.named("Deployment", service), "spec", "replicas")).as(service).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void consumers_never_scale_past_the_partitions_of_their_topics(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        int fewestPartitions = rendered.ofKind("KafkaTopic").stream()
                .mapToInt(topic -> (Integer) at(topic, "spec", "partitions")).min().orElseThrow();

        for (String service : DOMAIN_SERVICES) {
            assertThat((Integer) at(rendered.named("HorizontalPodAutoscaler", service), "spec", "maxReplicas"))
                    .as(service).isLessThanOrEqualTo(fewestPartitions);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void only_the_gateway_and_the_identity_provider_are_reachable_from_outside_the_namespace(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<Map<String, Object>> policies = rendered.ofKind("NetworkPolicy");

        assertThat(policies).anySatisfy(policy -> {
            assertThat(map(policy, "spec", "podSelector")).isEmpty();
            assertThat(list(policy, "spec", "ingress")).isEmpty();
        });
        // Every way in from another namespace, as (pods it opens, port, from namespace).
        Set<String> openings = policies.stream().flatMap(policy -> list(policy, "spec", "ingress").stream()
                .flatMap(rule -> list(rule, "from").stream()
                        .filter(peer -> !(peer instanceof Map<?, ?> m && m.containsKey("podSelector") && !m.containsKey("namespaceSelector")))
                        .flatMap(peer -> list(rule, "ports").stream().map(port -> pods(policy) + " port " + string(port, "port")
                                + " from " + (string(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))))))
                .collect(Collectors.toSet());
        assertThat(openings).containsExactlyInAnyOrder(
                "component=gateway port http from ingress-nginx",
                "component=identity-provider port http from ingress-nginx",
                "component in [gateway, domain-service, identity-provider] port http from monitoring",
                "cnpg.io/podRole=instance port 8000 from cnpg-system",
                "cnpg.io/podRole=instance port 9187 from monitoring");
        // and a rule without "from" would open its pods to everyone
        assertThat(policies.stream().flatMap(policy -> list(policy, "spec", "ingress").stream()))
                .allSatisfy(rule -> assertThat(list(rule, "from")).isNotEmpty());

        assertThat(rendered.ofKind("Ingress").stream().flatMap(ingress -> list(ingress, "spec", "rules").stream())
                .flatMap(rule -> list(rule, "http", "paths").stream())
                .map(path -> string(path, "backend", "service", "name"))).containsOnly("gateway", "identity");
        assertThat(rendered.ofKind("Service")).allSatisfy(service ->
                assertThat(string(service, "spec", "type")).isIn(null, "ClusterIP"));
    }

    @Test
    void the_readme_names_every_namespace_the_district_lets_in() {
        Set<String> namespaces = RenderedOverlay.of("district").ofKind("NetworkPolicy").stream()
                .flatMap(policy -> list(policy, "spec", "ingress").stream())
                .flatMap(rule -> list(rule, "from").stream())
                .map(peer -> string(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
                .filter(Objects::nonNull).collect(Collectors.toSet());

        assertThat(namespaces).isNotEmpty().allSatisfy(namespace -> assertThat(ServiceReadmes.deployingToADistrict())
                .as("docs/operations.md \"Deploying to a district\" says the operators run in " + namespace).contains("`" + namespace + "`"));
    }

    private static String pods(Map<String, Object> policy) {
        Map<String, Object> selector = map(policy, "spec", "podSelector");
        if (selector.containsKey("matchLabels")) {
            return map(selector, "matchLabels").entrySet().stream()
                    .map(label -> label.getKey().replace("app.kubernetes.io/", "") + "=" + label.getValue())
                    .collect(Collectors.joining(","));
        }
        return list(selector, "matchExpressions").stream()
                .map(e -> string(e, "key").replace("app.kubernetes.io/", "") + " in " + list(e, "values"))
                .collect(Collectors.joining(","));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void kafka_topics_are_the_contract_topics_and_their_dead_letter_topics(String overlay) {
        List<String> declared = RenderedOverlay.of(overlay).ofKind("KafkaTopic").stream()
                .map(topic -> string(topic, "spec", "topicName")).toList();

        assertThat(declared).containsExactlyInAnyOrderElementsOf(Arrays.stream(Topic.values())
                .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopic())).toList());
    }

    @Test
    void the_district_keeps_every_event_through_the_loss_of_a_broker() {
        RenderedOverlay district = RenderedOverlay.of("district");
        Map<String, Object> pool = district.named("KafkaNodePool", "brokers");
        Map<String, Object> config = map(district.named("Kafka", "gridgov-kafka"), "spec", "kafka", "config");

        assertThat(at(pool, "spec", "replicas")).isEqualTo(3);
        assertThat(list(pool, "spec", "roles")).contains("broker", "controller");
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3).containsEntry("transaction.state.log.min.isr", 2);
        assertThat(district.ofKind("KafkaTopic")).allSatisfy(topic -> {
            assertThat(at(topic, "spec", "replicas")).isEqualTo(3);
            assertThat(at(topic, "spec", "config", "min.insync.replicas")).isEqualTo(2);
        });
    }

    @Test
    void the_district_runs_every_database_with_two_standbys_and_every_service_twice_at_least() {
        RenderedOverlay district = RenderedOverlay.of("district");

        assertThat(district.ofKind("Cluster")).hasSize(DATABASES.size())
                .allSatisfy(cluster -> assertThat(at(cluster, "spec", "instances")).isEqualTo(3));
        assertThat(district.ofKind("HorizontalPodAutoscaler"))
                .allSatisfy(hpa -> assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void each_service_with_a_database_connects_to_its_own_postgres_cluster_with_its_generated_credentials(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : DATABASES.keySet()) {
            String database = DATABASES.get(service);
            Map<String, Object> cluster = rendered.named("Cluster", database + "-db");
            Map<String, String> env = list(rendered.named("Deployment", service), "spec", "template", "spec",
                    "containers", 0, "env").stream().collect(Collectors.toMap(e -> string(e, "name"),
                    e -> String.valueOf(at(e, "value") != null ? at(e, "value") : string(e, "valueFrom", "secretKeyRef", "name"))));

            assertThat(map(cluster, "spec", "bootstrap", "initdb")).containsEntry("database", database)
                    .containsEntry("owner", database);
            assertThat(env).containsEntry("DB_HOST", database + "-db-rw").containsEntry("DB_NAME", database)
                    .containsEntry("DB_USER", database + "-db-app").containsEntry("DB_PASSWORD", database + "-db-app");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void every_variable_a_service_cannot_start_without_is_set(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : SERVICES) {
            Map<String, Object> app = map(rendered.named("Deployment", service), "spec", "template", "spec", "containers", 0);
            Set<String> variables = list(app, "env").stream().map(variable -> string(variable, "name"))
                    .collect(Collectors.toCollection(HashSet::new));
            for (Object source : list(app, "envFrom")) {
                variables.addAll(map(rendered.named("ConfigMap", string(source, "configMapRef", "name")), "data").keySet());
            }

            assertThat(variables).as(service).containsAll(ServiceReadmes.requiredVariables(service));
        }
    }

    @Test
    void every_secret_the_dev_services_read_comes_with_the_overlay_or_from_cloudnativepg() {
        assertThat(secretsToCreateByHand(RenderedOverlay.of("dev"))).isEmpty();
    }

    @Test
    void every_secret_the_district_must_create_by_hand_is_in_the_readme_with_its_key() {
        Map<String, Set<String>> byHand = secretsToCreateByHand(RenderedOverlay.of("district"));
        String section = ServiceReadmes.deployingToADistrict().replace("\\\n", " ").replaceAll(" +", " ");

        assertThat(byHand).containsKeys("wish-data-key", "photo-store");
        byHand.forEach((secret, keys) -> {
            String command = "create secret generic " + secret + " ";
            assertThat(section).as("docs/operations.md \"Deploying to a district\" creates Secret " + secret).contains(command);
            String line = section.substring(section.indexOf(command)).lines().findFirst().orElseThrow();
            keys.forEach(key -> assertThat(line).as("the Secret " + secret + " is created with its key " + key)
                    .contains("--from-literal=" + key + "="));
        });
    }

    /** Secrets (name → keys) the services read that the overlay does not render and CloudNativePG does not generate. */
    private static Map<String, Set<String>> secretsToCreateByHand(RenderedOverlay rendered) {
        Set<String> provided = new HashSet<>();
        rendered.ofKind("Secret").forEach(secret -> provided.add(string(secret, "metadata", "name")));
        rendered.ofKind("Cluster").forEach(cluster -> provided.add(string(cluster, "metadata", "name") + "-app"));
        Map<String, Set<String>> byHand = new TreeMap<>();
        for (String service : SERVICES) {
            for (Object variable : list(rendered.named("Deployment", service), "spec", "template", "spec", "containers", 0, "env")) {
                String secret = string(variable, "valueFrom", "secretKeyRef", "name");
                if (secret != null && !provided.contains(secret)) {
                    byHand.computeIfAbsent(secret, s -> new TreeSet<>()).add(string(variable, "valueFrom", "secretKeyRef", "key"));
                }
            }
        }
        return byHand;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void every_service_is_scraped_on_actuator_prometheus(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, Object> monitor = rendered.named("ServiceMonitor", "gridgov-services");

        assertThat(list(monitor, "spec", "selector", "matchExpressions", 0, "values")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(map(monitor, "spec", "endpoints", 0)).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
        for (String service : SERVICES) {
            assertThat(list(rendered.named("Service", service), "spec", "ports"))
                    .anySatisfy(port -> assertThat(string(port, "name")).isEqualTo("http"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "district"})
    void grafana_gets_every_dashboard_of_the_repository(String overlay) {
        Map<String, Object> dashboards = RenderedOverlay.of(overlay).named("ConfigMap", "gridgov-dashboards");

        assertThat(map(dashboards, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
        assertThat(map(dashboards, "data").keySet()).containsExactlyInAnyOrderElementsOf(Dashboards.files().stream()
                .map(file -> file.getFileName().toString()).toList());
    }
}
