package org.gridgov.wish.app.domain;

import java.util.Set;

/** What a client app may be granted; its tokens carry these as {@code scope}. */
public final class AppScopes {

    public static final String WISHES_READ = "wishes:read";
    public static final String WISHES_WRITE = "wishes:write";
    /** Residents' name, phone and address in clear (Open311 reads, webhook payloads); masked without it. */
    public static final String PERSONAL_DATA = "wishes:personal-data";
    public static final String KPIS_READ = "kpis:read";
    public static final String GRID_RESOLVE = "grid:resolve";
    public static final String WEBHOOKS = "webhooks:manage";

    public static final Set<String> ALL = Set.of(WISHES_READ, WISHES_WRITE, PERSONAL_DATA, KPIS_READ, GRID_RESOLVE, WEBHOOKS);

    private AppScopes() {
    }
}
