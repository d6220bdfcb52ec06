package org.gridgov.member.points.domain;

import java.util.UUID;

/**
 * An account of the double-entry ledger: one per party member, plus the platform's own accounts
 * that are the other side of every movement. Only member accounts have to stay at or above zero;
 * {@link #ISSUED} runs negative by exactly the points ever handed out.
 */
public record Account(String code) {

    /** Where awarded points come from. */
    public static final Account ISSUED = new Account("system:issued");
    /** Where redeemed points go. */
    public static final Account STORE = new Account("system:store");
    /** Where lapsed points go. */
    public static final Account EXPIRED = new Account("system:expired");
    /** The other side of admins' corrections. */
    public static final Account CORRECTIONS = new Account("system:corrections");

    private static final String MEMBER_PREFIX = "member:";

    public static Account member(UUID memberId) {
        return new Account(MEMBER_PREFIX + memberId);
    }

    public boolean isMember() {
        return code.startsWith(MEMBER_PREFIX);
    }
}
