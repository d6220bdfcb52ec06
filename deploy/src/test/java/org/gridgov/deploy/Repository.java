package org.gridgov.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked files live. Maven runs the tests in deploy/, the checkout is its parent. */
final class Repository {

    static final Path DEPLOY = locateDeployModule();
    static final Path ROOT = DEPLOY.getParent();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path PROMETHEUS = DEPLOY.resolve("prometheus");
    static final Path DASHBOARDS = K8S.resolve("base/monitoring/dashboards");
    static final Path TARGET = DEPLOY.resolve("target");

    private Repository() {
    }

    private static Path locateDeployModule() {
        Path dir = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(dir.resolve("deploy").resolve("pom.xml"))) {
            return dir.resolve("deploy");
        }
        return dir;
    }
}
