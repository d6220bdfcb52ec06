package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of CustomResourceDefinitions the manifests are validated against: Strimzi's, generated
 * once per build from Strimzi's own model classes and generator (copied to target/strimzi by the
 * pom), and the CloudNativePG subset kept in deploy/crds.
 */
final class CrdSchemas {

    private static final Path STRIMZI_JARS = Repository.TARGET.resolve("strimzi");
    private static final Path STRIMZI_CRDS = Repository.TARGET.resolve("strimzi-crds");
    private static final List<String> STRIMZI_KINDS = List.of(
            "io.strimzi.api.kafka.model.kafka.Kafka",
            "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "io.strimzi.api.kafka.model.topic.KafkaTopic");

    private CrdSchemas() {
    }

    static synchronized List<Path> folders() {
        if (!Files.isDirectory(STRIMZI_CRDS)) {
            generateStrimziCrds();
        }
        return List.of(STRIMZI_CRDS, Repository.DEPLOY.resolve("crds"));
    }

    private static void generateStrimziCrds() {
        List<String> jars;
        try (Stream<Path> files = Files.list(STRIMZI_JARS)) {
            jars = files.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().toList();
        } catch (java.io.IOException e) {
            jars = List.of();
        }
        if (jars.size() != 2) {
            fail("Strimzi's api and crd-generator jars are not in " + STRIMZI_JARS
                    + ": run the tests through Maven (the pom copies them in generate-test-resources)");
        }
        Path generating = Repository.TARGET.resolve("strimzi-crds.tmp");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, jars), "io.strimzi.crdgenerator.CrdGenerator", "--yaml"));
        for (String kind : STRIMZI_KINDS) {
            command.add(kind + "=" + generating.resolve(kind.substring(kind.lastIndexOf('.') + 1) + ".yaml"));
        }
        try {
            Files.createDirectories(generating);
            Tools.run(Repository.DEPLOY, Duration.ofMinutes(2), command).successfulOutput("Strimzi's CRD generator");
            Files.move(generating, STRIMZI_CRDS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
