package org.gridgov.member.member.domain;

/** The kinds of party member (docs/design.md §2). */
public enum MemberKind {
    /** lives in the community */
    RESIDENT,
    /** works elsewhere and reports in to their home community (双报到) */
    IN_SERVICE,
    RETIRED,
    /** 流动党员 */
    MOBILE,
    /** from a "两新" (new economic or social) organisation */
    NEW_ORG
}
