package org.gridgov.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An overlay of k8s/ rendered by kubectl's built-in Kustomize with its defaults (no flags: the default load
 * restrictor, as {@code kubectl apply -k}, Argo CD and Flux use it), as it would be applied; rendered once
 * per test run and kept in target/k8s/<overlay>.yaml for the schema validator (and for a reader).
 */
record RenderedOverlay(String name, Path file, List<Map<String, Object>> objects) {

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    static RenderedOverlay of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, RenderedOverlay::render);
    }

    private static RenderedOverlay render(String overlay) {
        String kubectl = Tools.require("kubectl");
        String yaml = Tools.run(Repository.ROOT, Duration.ofMinutes(2), List.of(kubectl, "kustomize",
                        "k8s/overlays/" + overlay))
                .successfulOutput("kubectl kustomize k8s/overlays/" + overlay);
        try {
            Path file = Repository.TARGET.resolve("k8s").resolve(overlay + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return new RenderedOverlay(overlay, file, YamlTree.loadAll(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(YamlTree.string(object, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError(name(kind, name) + " is not in overlay " + this.name));
    }

    private static String name(String kind, String name) {
        return kind + "/" + name;
    }
}
