package org.gridgov.system.authorisation;

/**
 * The callers of the matrix. Everything the calls aim at belongs to community A (甲社区, in street A);
 * the "_B" actors and the other resident are the same kinds of people in community B (乙社区, in
 * street B), who must see none of it.
 */
enum Actor {
    /** orders the wishes of community A */
    RESIDENT,
    /** a resident who ordered none of them */
    OTHER_RESIDENT,
    STAFF_A,
    STAFF_B,
    /** a member unit of A's Grand Party Committee */
    UNIT_A,
    UNIT_B,
    /** a party member living in A */
    MEMBER_A,
    MEMBER_B,
    COMMUNITY_ADMIN_A,
    COMMUNITY_ADMIN_B,
    STREET_ADMIN_A,
    STREET_ADMIN_B,
    /** the district holds both communities */
    DISTRICT_ADMIN,
    /** a third-party app (the city hotline) */
    CLIENT,
    /** the staff of the functional department A's cases are referred to (吹哨) */
    DEPARTMENT_A,
    /** the staff of another department, serving street B */
    DEPARTMENT_B;

    /** Those of community B's side, or no side of A's: nothing of A's residents may ever reach them. */
    boolean outsider() {
        return this == OTHER_RESIDENT || name().endsWith("_B");
    }
}
