package org.gridgov.fieldwork.cases.domain;

/** Who brought the case in: grid staff, a patrol's finding, a hub household's party member, an app (12345, online petitions), an admin. */
public enum CaseSource {
    STAFF, PATROL, PARTY_MEMBER, APP, ADMIN
}
