package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.contracts.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring against the running platform: every metric the dashboards and rules read is
 * really exported, and a real Prometheus with deploy/prometheus/prometheus.yml scrapes every service.
 */
class LocalPlatformMonitoringIT {

    /** Series Prometheus makes itself; no service exports them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");
    /** Labels Prometheus adds to every scraped series. */
    private static final Set<String> PROMETHEUS_LABELS = Set.of("job", "instance");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{.*})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]\\w*)=\"(\\\\.|[^\"\\\\])*\"");
    private static final Duration METRICS_APPEAR_WITHIN = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RunningPlatform platform;
    /** A third-party app's webhook receiver: takes every delivery (204). */
    private static HttpServer receiver;

    @BeforeAll
    static void startPlatform() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        platform = RunningPlatform.start();
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException, IOException {
        if (platform != null) {
            platform.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void every_metric_and_label_a_dashboard_or_rule_reads_is_exported_by_the_running_services() throws Exception {
        List<Reader> readers = readersOfDashboardsAndRules();
        exercise();

        Map<String, Set<String>> missing;
        Instant deadline = Instant.now().plus(METRICS_APPEAR_WITHIN);
        while (true) {
            missing = missing(readers, exportedSeries());
            if (missing.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(5000);
        }

        platform.assertEveryServiceRuns();
        assertThat(missing).as("metrics (and labels) read by a dashboard or rule that no service exports (scraped "
                + platform.ports().keySet() + " for " + METRICS_APPEAR_WITHIN.toSeconds() + " s):\n"
                + missing.entrySet().stream().map(m -> "  " + m.getKey() + "  <- " + String.join("; ", m.getValue()))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** A query or rule, the metric names it reads and the labels it selects them by. */
    private record Reader(String where, Set<String> metrics, Map<String, Set<String>> labels) {
    }

    private static List<Reader> readersOfDashboardsAndRules() {
        List<Reader> readers = new ArrayList<>();
        for (Dashboards.Query query : Dashboards.queries()) {
            readers.add(query.variable()
                    ? new Reader(query.where(), MetricNames.inVariableQuery(query.promql()), Map.of())
                    : new Reader(query.where(), MetricNames.in(query.promql()), MetricNames.selectedLabels(query.promql())));
        }
        for (PrometheusRules.Rule rule : PrometheusRules.rules()) {
            readers.add(new Reader("rule " + rule.name(), MetricNames.in(rule.promql()), MetricNames.selectedLabels(rule.promql())));
        }
        return readers;
    }

    /** What is read but not exported: "metric" or "metric{label}", with who reads it. */
    private static Map<String, Set<String>> missing(List<Reader> readers, Map<String, Set<String>> exported) {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Reader reader : readers) {
            for (String metric : reader.metrics()) {
                if (MetricNames.isRecorded(metric) || PROMETHEUS_OWN.contains(metric)) {
                    continue;
                }
                if (!exported.containsKey(metric)) {
                    missing.computeIfAbsent(metric, m -> new TreeSet<>()).add(reader.where());
                    continue;
                }
                for (String label : reader.labels().getOrDefault(metric, Set.of())) {
                    if (!exported.get(metric).contains(label) && !PROMETHEUS_LABELS.contains(label)) {
                        missing.computeIfAbsent(metric + "{" + label + "}", m -> new TreeSet<>()).add(reader.where());
                    }
                }
            }
        }
        return missing;
    }

    @Test
    void a_real_prometheus_with_the_repository_config_scrapes_every_service_and_loads_the_rules() throws Exception {
        String prometheus = Tools.require("prometheus");
        Path dir = Repository.TARGET.resolve("prometheus-it");
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, localConfig());
        int port = freePort();
        Process server = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/";
            Map<String, String> health = Map.of();
            Instant started = Instant.now();
            Instant deadline = started.plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                health = targetHealth(api);
                if (health.size() == RunningPlatform.SCRAPED.size() && health.values().stream().allMatch("up"::equals)) {
                    break;
                }
                Thread.sleep(2000);
            }
            platform.assertEveryServiceRuns();
            System.out.println("Prometheus targets after " + Duration.between(started, Instant.now()).toSeconds() + " s (" + config + "):");
            health.forEach((job, state) -> System.out.printf("  %-17s %s%n", job, state));

            assertThat(health).as("target health per job; Prometheus log: " + dir.resolve("prometheus.log"))
                    .containsOnlyKeys(RunningPlatform.SCRAPED).allSatisfy((job, state) -> assertThat(state).isEqualTo("up"));
            assertThat(YamlTree.list(YamlTree.loadAll(get(api + "rules")).get(0), "data", "groups").stream()
                    .map(group -> YamlTree.string(group, "name")))
                    .containsExactlyInAnyOrderElementsOf(PrometheusRules.groups().stream().map(g -> YamlTree.string(g, "name")).toList());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** The compose configuration with each job pointed at the port the launcher gave its service. */
    private static String localConfig() {
        Map<String, Object> config = YamlTree.load(Repository.PROMETHEUS.resolve("prometheus.yml"));
        YamlTree.map(config, "global").put("scrape_interval", "5s");
        for (Object job : YamlTree.list(config, "scrape_configs")) {
            String service = YamlTree.string(job, "job_name");
            YamlTree.map(job, "static_configs", 0).put("targets", List.of("localhost:" + platform.ports().get(service)));
        }
        return PrometheusConfigTest.withRulesFrom(config);
    }

    private static Map<String, String> targetHealth(String api) throws InterruptedException {
        Map<String, String> health = new TreeMap<>();
        try {
            for (Object target : YamlTree.list(YamlTree.loadAll(get(api + "targets")).get(0), "data", "activeTargets")) {
                health.put(YamlTree.string(target, "labels", "job"), YamlTree.string(target, "health"));
            }
        } catch (IOException e) {
            // not listening yet
        }
        return health;
    }

    /** Every sample name the services expose, with the label names it carries in any series. */
    private static Map<String, Set<String>> exportedSeries() throws IOException, InterruptedException {
        Map<String, Set<String>> series = new TreeMap<>();
        for (String service : RunningPlatform.SCRAPED) {
            for (String line : get(platform.baseUrl(service) + "/actuator/prometheus").lines().toList()) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.find()) {
                    Set<String> labels = series.computeIfAbsent(sample.group(1), name -> new TreeSet<>());
                    Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                    while (label.find()) {
                        labels.add(label.group(1));
                    }
                }
            }
        }
        return series;
    }

    /**
     * What a platform in use does and a freshly started one has not done yet: a request on every
     * gateway route, an event the consumers do not know (counted, then ignored), a record that is
     * not an event at all (dead-lettered) and a webhook delivery to an app (the demo's hotline
     * subscribes, then posts a request over Open311). Counters with tags appear only once they count something.
     */
    private static void exercise() throws Exception {
        deliverAWebhook();
        String token = YamlTree.string(YamlTree.loadAll(send(HttpRequest.newBuilder(URI.create(platform.issuer() + "/local/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"deploy-check\",\"roles\":[\"DISTRICT_ADMIN\"]}")))).get(0),
                "access_token");
        for (String path : List.of("/api/grid/nodes?kind=DISTRICT", "/api/units", "/api/wishes", "/api/matching/project-lists/"
                + UUID.randomUUID())) {
            send(HttpRequest.newBuilder(URI.create(platform.baseUrl("gateway") + path)).header("Authorization", "Bearer " + token).GET());
        }

        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (Topic topic : Topic.values()) {
                ProducerRecord<String, byte[]> unknownType = new ProducerRecord<>(topic.topicName(), "deploy-check",
                        "{}".getBytes(StandardCharsets.UTF_8));
                for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                        {"ce_type", "org.gridgov.deploy.monitoring-check.v1"}, {"ce_source", "deploy-check"},
                        {"ce_time", Instant.now().toString()}, {"content-type", "application/json"}}) {
                    unknownType.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
                }
                producer.send(unknownType);
                producer.send(new ProducerRecord<>(topic.topicName(), "deploy-check",
                        "not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static void deliverAWebhook() throws IOException, InterruptedException {
        Map<String, String> demo = platform.demoVariables();
        String gateway = platform.baseUrl("gateway");
        HttpResponse<String> subscribed = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/apps/" + demo.get("DEMO_APP_ID") + "/webhooks"))
                .header("Authorization", "Bearer " + demo.get("DISTRICT_ADMIN_TOKEN")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hooks\",\"eventTypes\":[\"org.gridgov.wish.submitted.v1\"]}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as("webhook subscription: " + subscribed.body()).isEqualTo(201);

        String form = Map.of("api_key", demo.get("DEMO_APP_API_KEY"), "service_code", "ELDERLY_CARE",
                        "address_string", "太平街18号太平花园1栋1单元101室", "lat", "29.7035", "long", "107.3899",
                        "last_name", "张", "phone", "13812345678",
                        "attribute[title]", "deploy check", "description", "a request that makes a webhook delivery")
                .entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("Open311 request: " + posted.body()).isEqualTo(201);
    }

    private static String get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
