package org.gridgov.wish.wish.domain;

/** The role an actor acted in; SYSTEM is the SLA timer. */
public enum ActorRole {
    RESIDENT, PARTY_MEMBER, GRID_STAFF, UNIT, COMMUNITY_ADMIN, STREET_ADMIN, DISTRICT_ADMIN, CLIENT, SYSTEM;

    public boolean isAdmin() {
        return this == COMMUNITY_ADMIN || this == STREET_ADMIN || this == DISTRICT_ADMIN;
    }
}
