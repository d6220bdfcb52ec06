package org.gridgov.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The recording and alerting rules of deploy/prometheus/rules. */
final class PrometheusRules {

    static final Path RULES = Repository.PROMETHEUS.resolve("rules");

    /** A rule's expression and its name (the alert, or the recorded metric). */
    record Rule(String name, String promql, boolean alert) {
    }

    private PrometheusRules() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> groups() {
        return files().stream().flatMap(file -> YamlTree.list(YamlTree.load(file), "groups").stream()).toList();
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Object group : groups()) {
            for (Object rule : YamlTree.list(group, "rules")) {
                Map<String, Object> r = YamlTree.map(rule);
                boolean alert = r.containsKey("alert");
                rules.add(new Rule(String.valueOf(alert ? r.get("alert") : r.get("record")), String.valueOf(r.get("expr")), alert));
            }
        }
        return rules;
    }
}
