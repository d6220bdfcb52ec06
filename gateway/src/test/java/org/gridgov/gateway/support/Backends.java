package org.gridgov.gateway.support;

import java.util.List;

/** The seven domain services and the identity provider's user management as recording backends, one set per test JVM, started on first use. */
public final class Backends {

    private static Backends instance;

    public final RecordingBackend grid = RecordingBackend.start("grid");
    public final RecordingBackend member = RecordingBackend.start("member");
    public final RecordingBackend wish = RecordingBackend.start("wish");
    public final RecordingBackend matching = RecordingBackend.start("matching");
    public final RecordingBackend committee = RecordingBackend.start("committee");
    public final RecordingBackend fieldwork = RecordingBackend.start("fieldwork");
    public final RecordingBackend apps = RecordingBackend.start("apps");
    public final RecordingBackend identity = RecordingBackend.start("identity");

    private Backends() {
    }

    public static synchronized Backends get() {
        if (instance == null) {
            instance = new Backends();
        }
        return instance;
    }

    public List<RecordingBackend> all() {
        return List.of(grid, member, wish, matching, committee, fieldwork, apps, identity);
    }

    public RecordingBackend named(String service) {
        return all().stream().filter(backend -> backend.service().equals(service)).findFirst().orElseThrow();
    }
}
