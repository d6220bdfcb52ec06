package org.gridgov.kit.test;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the integration tests' PostgreSQL and Kafka come from: one switch,
 * {@code -Dgridgov.infra=auto|containers|embedded} (or the environment variable
 * {@code GRIDGOV_INFRA}), the same tests either way. {@code auto}, the default, takes
 * Testcontainers when a Docker engine answers — what engineers with Docker expect — and the
 * embedded servers otherwise, as on machines without Docker (CI here).
 */
public enum InfrastructureChoice {

    /** PostgreSQL binaries from a Maven artifact and an in-process KRaft broker, on loopback. */
    EMBEDDED,
    /** Testcontainers' PostgreSQL and Kafka, in Docker. */
    CONTAINERS;

    public static final String PROPERTY = "gridgov.infra";
    public static final String VARIABLE = "GRIDGOV_INFRA";

    /**
     * The choice for a setting ({@code null} or blank meaning {@code auto}); Docker is asked only
     * when the setting leaves the choice to it.
     */
    public static InfrastructureChoice choose(String setting, BooleanSupplier dockerAvailable) {
        String value = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> EMBEDDED;
            case "containers" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(PROPERTY + "=containers, but no Docker engine answers; "
                            + "start Docker, or run with -D" + PROPERTY + "=embedded (or auto)");
                }
                yield CONTAINERS;
            }
            case "auto" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(PROPERTY + "=" + setting + " is none of auto, containers, embedded");
        };
    }

    /** The choice for this JVM: the system property, else the environment variable, else auto. */
    public static InfrastructureChoice forThisRun() {
        String setting = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        return choose(setting, ContainerInfrastructure::dockerAvailable);
    }
}
