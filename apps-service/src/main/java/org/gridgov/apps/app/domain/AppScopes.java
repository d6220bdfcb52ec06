package org.gridgov.apps.app.domain;

import java.util.Set;

/** What a client app may be granted; its tokens carry these as {@code scope}. */
public final class AppScopes {

    public static final String WISHES_READ = "wishes:read";
    public static final String WISHES_WRITE = "wishes:write";
    /** Residents' name, phone and address in clear (Open311 reads); masked without it. */
    public static final String PERSONAL_DATA = "wishes:personal-data";
    public static final String KPIS_READ = "kpis:read";
    public static final String GRID_RESOLVE = "grid:resolve";
    public static final String WEBHOOKS = "webhooks:manage";
    /** Cases found in the field and referred to departments (fieldwork-service): webhooks of fieldwork.events. */
    public static final String CASES_READ = "cases:read";
    /** Reporting a case in the field (fieldwork-service). */
    public static final String CASES_WRITE = "cases:write";
    /** The Grand Party Committee's projects and assessments (committee-service): webhooks of committee.events. */
    public static final String PROJECTS_READ = "projects:read";

    public static final Set<String> ALL = Set.of(WISHES_READ, WISHES_WRITE, PERSONAL_DATA, KPIS_READ, GRID_RESOLVE, WEBHOOKS,
            CASES_READ, CASES_WRITE, PROJECTS_READ);

    private AppScopes() {
    }
}
