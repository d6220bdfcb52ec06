package org.gridgov.kit.security;

/** The roles a token can carry (docs/design.md §7). */
public enum Role {
    RESIDENT, PARTY_MEMBER, GRID_STAFF, UNIT, COMMUNITY_ADMIN, STREET_ADMIN, DISTRICT_ADMIN, CLIENT;

    public boolean isAdmin() {
        return this == COMMUNITY_ADMIN || this == STREET_ADMIN || this == DISTRICT_ADMIN;
    }
}
