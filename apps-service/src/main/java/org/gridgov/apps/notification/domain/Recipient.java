package org.gridgov.apps.notification.domain;

import java.util.UUID;

/**
 * Who is told: a person (the subject of their tokens), or a role at a place that everyone holding it
 * reads — a member unit's users, a party member, a functional department's staff, the staff of a
 * grid-tree node. Kept as one text key ({@code unit:<id>} …), the way the inbox stores it.
 */
public record Recipient(String key) {

    public static Recipient person(String subject) {
        return new Recipient("person:" + subject);
    }

    public static Recipient unit(UUID unit) {
        return new Recipient("unit:" + unit);
    }

    public static Recipient member(UUID member) {
        return new Recipient("member:" + member);
    }

    public static Recipient department(UUID department) {
        return new Recipient("department:" + department);
    }

    /** The staff whose jurisdiction is this node (a grid's staff). */
    public static Recipient staffOf(UUID node) {
        return new Recipient("node:" + node);
    }
}
