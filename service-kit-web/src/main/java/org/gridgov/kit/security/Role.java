package org.gridgov.kit.security;

/** The roles a token can carry (docs/design.md §7). */
public enum Role {
    RESIDENT, PARTY_MEMBER, GRID_STAFF, UNIT, COMMUNITY_ADMIN, STREET_ADMIN, DISTRICT_ADMIN, CLIENT,
    /** staff of a functional department (职能部门) cases are referred to; the token's {@code department} claim names it */
    DEPARTMENT,
    /** a resident registered as a volunteer (志愿者), not a party member; the token's {@code member} claim names the volunteer */
    VOLUNTEER;

    public boolean isAdmin() {
        return this == COMMUNITY_ADMIN || this == STREET_ADMIN || this == DISTRICT_ADMIN;
    }
}
