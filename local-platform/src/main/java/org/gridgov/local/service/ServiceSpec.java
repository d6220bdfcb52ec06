package org.gridgov.local.service;

import java.nio.file.Path;
import java.util.Optional;

/** The services the launcher runs: their module, default port, database and the variable that gives others their URL. */
public enum ServiceSpec {
    GATEWAY("gateway", 8080, null, null),
    GRID("grid-service", 8081, "grid", "GRID_SERVICE_URL"),
    MEMBER("member-service", 8082, "member", "MEMBER_SERVICE_URL"),
    WISH("wish-service", 8083, "wish", "WISH_SERVICE_URL"),
    MATCHING("matching-service", 8084, "matching", "MATCHING_SERVICE_URL"),
    COMMITTEE("committee-service", 8085, "committee", "COMMITTEE_SERVICE_URL"),
    FIELDWORK("fieldwork-service", 8086, "fieldwork", "FIELDWORK_SERVICE_URL"),
    APPS("apps-service", 8087, "apps", "APPS_SERVICE_URL");

    private final String module;
    private final int defaultPort;
    private final String database;
    private final String urlVariable;

    ServiceSpec(String module, int defaultPort, String database, String urlVariable) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.urlVariable = urlVariable;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The gateway keeps no data of its own. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    Optional<String> urlVariable() {
        return Optional.ofNullable(urlVariable);
    }

    /** The executable jar that {@code mvn install} builds for the module. */
    public Path jar(Path repoRoot, String version) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }
}
