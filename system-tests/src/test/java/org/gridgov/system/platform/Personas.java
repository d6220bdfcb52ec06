package org.gridgov.system.platform;

import java.nio.file.Path;
import java.util.List;

import org.gridgov.local.demo.DemoContext;
import org.gridgov.local.demo.DemoData;
import org.gridgov.local.demo.Persona;

/**
 * The demo data of the local launcher (太平街社区 with its grids, units, members and wishes in
 * every state), loaded through the gateway exactly as {@code ./gridgov start} loads it, and the
 * demo personas who act in it. Ids: {@link Persona.Ids}.
 */
public final class Personas {

    private final SystemPlatform platform;

    private Personas(SystemPlatform platform) {
        this.platform = platform;
    }

    /** Loads the demo; a step that fails fails the caller, as it would show on a fresh {@code ./gridgov start}. */
    static Personas load(SystemPlatform platform, Path directory) {
        List<String> failed = DemoData.load(new DemoContext(platform.gateway(), platform::token,
                platform.identity()::putUser, directory, System.out));
        if (!failed.isEmpty()) {
            throw new IllegalStateException("demo steps failed (see the console): " + failed);
        }
        return new Personas(platform);
    }

    public String token(Persona persona) {
        return platform.token(persona.tokenRequest());
    }

    /** Calls through the gateway as the persona. */
    public ApiClient as(Persona persona) {
        return platform.as(persona.tokenRequest());
    }
}
