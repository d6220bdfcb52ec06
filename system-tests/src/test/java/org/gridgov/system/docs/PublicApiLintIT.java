package org.gridgov.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.gridgov.local.RepoRoot;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.Convergence;
import org.gridgov.system.platform.SystemPlatform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API description as app developers get it — the gateway's merged {@code /v3/api-docs}
 * of the running platform — linted by Spectral with {@code spectral:oas} and the OWASP API Security
 * rules (deploy/spectral.yaml, both rulesets from npm, installed by deploy/install-tools.sh): no
 * errors, and warnings only from the rules that file lists with its reason. The description linted
 * is kept in system-tests/target/public-api.json.
 */
class PublicApiLintIT {

    private static final List<String> EVERY_SERVICE = List.of("/api/grid/", "/api/members", "/api/wishes", "/api/matching/",
            "/api/projects", "/open311/");
    private static final Duration DESCRIBED = Duration.ofSeconds(90);
    /** The warnings deploy/spectral.yaml accepts, each with its reason there. */
    private static final Set<String> ACCEPTED_WARNINGS = Set.of("operation-description", "operation-tag-defined", "info-contact",
            "owasp:api2:2023-read-restricted", "owasp:api4:2023-string-restricted", "owasp:api8:2023-define-error-responses-401",
            "owasp:api8:2023-define-error-responses-500", "owasp:api8:2023-define-error-validation");

    @Test
    void spectral_with_the_owasp_rules_finds_no_error_in_the_public_api() throws Exception {
        SystemPlatform platform = SystemPlatform.shared();
        String description = Convergence.eventually(DESCRIBED, () -> platform.anonymous().get("/v3/api-docs"),
                answer -> answer.isSuccess() && describesEveryService(answer)).expect(200).body();
        Path root = RepoRoot.find(Path.of(""));
        Path document = root.resolve("system-tests/target/public-api.json");
        Files.writeString(document, description);
        Path deploy = root.resolve("deploy");
        Path spectral = deploy.resolve("node_modules/@stoplight/spectral-cli/dist/index.js");
        assertThat(spectral).as("Spectral (npm ci in deploy/: run deploy/install-tools.sh)").exists();

        Path report = root.resolve("system-tests/target/spectral-report.json");
        Process lint = new ProcessBuilder("node", spectral.toString(), "lint", "--ruleset", "spectral.yaml", "--format", "json",
                "--output", report.toString(), "--fail-severity", "error", document.toString())
                .directory(deploy.toFile()).redirectErrorStream(true).start();
        String console = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(3, TimeUnit.MINUTES)).as("Spectral finished").isTrue();
        assertThat(report).as("Spectral's report (exit code %d): %s", lint.exitValue(), console).exists();

        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        List<String> everyError = new ArrayList<>();
        for (JsonNode result : JsonMapper.shared().readTree(Files.readString(report))) {
            String rule = result.path("code").asString();
            int severity = result.path("severity").asInt();
            if (severity == 0) {
                errors.merge(rule, 1, Integer::sum);
                if (everyError.size() < 50) {
                    everyError.add(rule + " at " + result.path("path") + ": " + result.path("message").asString());
                }
            } else if (severity == 1) {
                warnings.merge(rule, 1, Integer::sum);
            }
        }
        System.out.printf("Spectral (spectral:oas + OWASP API Security) on the public API: errors %s; warnings %s%n",
                errors, warnings);

        assertThat(errors).as("Spectral errors by rule; the first of them:%n%s", String.join("\n", everyError)).isEmpty();
        assertThat(warnings.keySet()).as("warnings from rules deploy/spectral.yaml does not accept with a reason")
                .isSubsetOf(ACCEPTED_WARNINGS);
    }

    private static boolean describesEveryService(ApiResponse answer) {
        Set<String> paths = new TreeSet<>(answer.json().path("paths").propertyNames());
        return EVERY_SERVICE.stream().allMatch(prefix -> paths.stream().anyMatch(path -> path.startsWith(prefix)));
    }
}
