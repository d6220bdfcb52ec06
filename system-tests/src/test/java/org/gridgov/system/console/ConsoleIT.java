package org.gridgov.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gridgov.local.RepoRoot;
import org.gridgov.local.demo.Persona;
import org.gridgov.system.platform.SystemPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator console in a real browser (Debian's Chromium, headless, driven by {@code playwright-core}) against the
 * whole platform: people sign in on the identity provider's login page and do their work in the console. The
 * scenarios are the console module's {@code e2e/*.mjs}; each prints a JSON report and exits non-zero on any failure.
 * Every screen they pass is screenshot to {@code system-tests/target/console-screenshots/} (kept as a test artifact)
 * and checked by axe-core: no serious or critical violation.
 */
class ConsoleIT {

    private static final Path ROOT = RepoRoot.find(Path.of(""));
    private static final Path SCREENSHOTS = ROOT.resolve("system-tests/target/console-screenshots");
    private static final long SCENARIO_MINUTES = 8;

    private static SystemPlatform platform;

    @BeforeAll
    static void platformWithTheDemo() throws IOException {
        platform = SystemPlatform.shared();
        platform.personas();
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void without_signing_in_the_console_sends_the_browser_to_the_identity_providers_login_page() {
        JsonNode report = run("signed-out.mjs", Map.of());
        assertThat(report.path("loginPage").asString()).endsWith("/login");
    }

    @Test
    void a_wish_goes_from_order_to_close_in_the_browser_across_grid_staff_and_member_unit() {
        JsonNode report = run("workflow.mjs", Map.of(
                "STAFF_USER", DemoLogins.username(Persona.GRID_STAFF),
                "UNIT_USER", DemoLogins.username(Persona.UNIT),
                "WISH_ADDRESS", anAddressOfTheStaffsGrid()));
        assertThat(report.path("history").asInt()).isGreaterThanOrEqualTo(5);
        String wish = report.path("wish").asString();
        assertThat(platform.personas().as(Persona.GRID_STAFF).get("/api/wishes/" + wish).expect(200).json()
                .path("status").asString()).as("the API agrees with what the browser showed").isEqualTo("CLOSED");
    }

    @Test
    void an_admin_creates_a_person_in_the_browser_who_then_signs_in_with_the_one_time_password() {
        JsonNode report = run("users.mjs", Map.of("USERNAME", DemoLogins.username(Persona.COMMUNITY_ADMIN)));
        String username = report.path("created").asString();
        assertThat(platform.personas().as(Persona.COMMUNITY_ADMIN).get("/api/users/" + username).expect(200).json()
                .path("roles").get(0).asString()).as("the API has the person the browser created").isEqualTo("GRID_STAFF");
    }

    @Test
    void grid_staff_open_every_screen_of_their_menu() {
        screens(Persona.GRID_STAFF);
    }

    @Test
    void a_member_unit_opens_every_screen_of_its_menu() {
        screens(Persona.UNIT);
    }

    @Test
    void a_community_admin_opens_every_screen_of_the_menu() {
        screens(Persona.COMMUNITY_ADMIN);
    }

    @Test
    void a_district_admin_opens_every_screen_of_the_menu() {
        screens(Persona.DISTRICT_ADMIN);
    }

    @Test
    void a_functional_department_opens_its_cases_and_performance() {
        JsonNode report = screens("department", DemoLogins.DEPARTMENT);
        assertThat(report.path("screens").toString()).contains("案件与吹哨报到");
    }

    private static void screens(Persona persona) {
        screens(persona.name().toLowerCase().replace('_', '-'), DemoLogins.username(persona));
    }

    private static JsonNode screens(String persona, String username) {
        JsonNode report = run("screens.mjs", Map.of("PERSONA", persona, "USERNAME", username));
        assertThat(report.path("screens").size()).as("screens in the menu").isGreaterThan(1);
        return report;
    }

    private static String anAddressOfTheStaffsGrid() {
        JsonNode households = platform.personas().as(Persona.GRID_STAFF)
                .get("/api/grid/nodes/" + Persona.Ids.GRID_1 + "/households?limit=50").expect(200).json().path("items");
        for (JsonNode household : households) {
            if ("RESIDENT".equals(household.path("kind").asString())) {
                return household.path("address").asString();
            }
        }
        throw new AssertionError("the demo grid has no resident household: " + households);
    }

    /** Runs one scenario with node; its JSON report, asserted to say it passed (with what failed otherwise). */
    private static JsonNode run(String scenario, Map<String, String> environment) {
        Path console = ROOT.resolve("console");
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + scenario).directory(console.toFile());
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("GRIDGOV_GATEWAY", platform.gateway().toString());
        env.put("SCREENSHOTS", SCREENSHOTS.toString());
        env.put("GRIDGOV_PASSWORD", DemoLogins.PASSWORD);
        builder.environment().putAll(env);
        try {
            Path output = SCREENSHOTS.resolve(scenario.replace(".mjs", "") + "-" + env.getOrDefault("PERSONA", "run"));
            builder.redirectOutput(output.resolveSibling(output.getFileName() + ".json").toFile());
            builder.redirectError(output.resolveSibling(output.getFileName() + ".log").toFile());
            Process process = builder.start();
            if (!process.waitFor(SCENARIO_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(scenario + " did not end within " + SCENARIO_MINUTES + " minutes");
            }
            String out = Files.readString(output.resolveSibling(output.getFileName() + ".json"), StandardCharsets.UTF_8);
            String err = Files.readString(output.resolveSibling(output.getFileName() + ".log"), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(out.lines().filter(line -> line.startsWith("{")).toList());
            assertThat(lines).as("%s printed its report (stderr: %s)", scenario, err).isNotEmpty();
            JsonNode report = JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
            assertThat(report.path("failures").size()).as("%s failed: %s", scenario, report.path("failures")).isZero();
            assertThat(report.path("ok").asBoolean()).isTrue();
            assertThat(process.exitValue()).as("%s exit status (stderr: %s)", scenario, err).isZero();
            report.path("screens").forEach(screen -> {
                assertThat(Path.of(screen.path("file").asString())).as("screenshot of %s", screen.path("name")).exists();
                assertThat(screen.path("violations").size()).as("serious accessibility violations on %s: %s",
                        screen.path("name"), screen.path("violations")).isZero();
            });
            return report;
        } catch (IOException e) {
            throw new AssertionError("could not run node e2e/" + scenario + " (is Node installed and npm ci done in console/?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
