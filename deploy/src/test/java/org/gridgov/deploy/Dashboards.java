package org.gridgov.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/** The Grafana dashboards of k8s/base/monitoring/dashboards and the queries they run. */
final class Dashboards {

    /** A query and where it is: "workflow.json › Fulfilment rate (last 24 h)". */
    record Query(String where, String promql, boolean variable) {
    }

    private Dashboards() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(Repository.DASHBOARDS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON is YAML: SnakeYAML reads the dashboards as maps too. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) {
        return (Map<String, Object>) new Yaml().load(YamlTree.read(file));
    }

    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : files()) {
            Map<String, Object> dashboard = load(file);
            for (Object panel : panels(dashboard)) {
                for (Object target : YamlTree.list(panel, "targets")) {
                    queries.add(new Query(file.getFileName() + " › " + YamlTree.string(panel, "title"),
                            YamlTree.string(target, "expr"), false));
                }
            }
            for (Object variable : YamlTree.list(dashboard, "templating", "list")) {
                queries.add(new Query(file.getFileName() + " › variable " + YamlTree.string(variable, "name"),
                        YamlTree.string(variable, "query", "query"), true));
            }
        }
        return queries;
    }

    /** Panels, including those folded into collapsed rows. */
    static List<Object> panels(Map<String, Object> dashboard) {
        List<Object> panels = new ArrayList<>();
        for (Object panel : YamlTree.list(dashboard, "panels")) {
            panels.add(panel);
            panels.addAll(YamlTree.list(panel, "panels"));
        }
        return panels;
    }
}
