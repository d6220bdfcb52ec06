package org.gridgov.system.platform;

import java.nio.file.Path;

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

    static Personas load(SystemPlatform platform, Path directory) {
        DemoData.load(new DemoContext(platform.gateway(), platform::token, directory, System.out));
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
