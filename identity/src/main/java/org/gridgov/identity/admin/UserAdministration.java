package org.gridgov.identity.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may manage whose account (no framework types): community, street and district admins, only for people whose
 * jurisdiction lies within their own (the admin's node on the person's lineage), and never granting — nor managing
 * someone who holds — a role above their own highest admin role. A person's roles are the platform's; CLIENT is an
 * app's and is never a person's.
 */
public final class UserAdministration {

    /** The roles a person may hold, with their rank: an admin grants up to their own rank. */
    static final Map<String, Integer> RANKS = Map.of(
            "RESIDENT", 0, "PARTY_MEMBER", 0, "VOLUNTEER", 0, "GRID_STAFF", 0, "UNIT", 0, "DEPARTMENT", 0,
            "COMMUNITY_ADMIN", 1, "STREET_ADMIN", 2, "DISTRICT_ADMIN", 3);

    private UserAdministration() {
    }

    /** The admin's highest rank (1 community … 3 district); 0 when the caller is no admin. */
    public static int adminRank(List<String> roles) {
        return roles.stream().mapToInt(role -> RANKS.getOrDefault(role, 0)).max().orElse(0);
    }

    public static boolean isAdmin(List<String> roles) {
        return adminRank(roles) > 0;
    }

    /** The roles no person can hold (unknown names, CLIENT); empty when all are valid. */
    public static List<String> unknownRoles(List<String> roles) {
        return roles.stream().filter(role -> !RANKS.containsKey(role)).toList();
    }

    /** Whether an admin of these roles may grant all of {@code granted}, or manage someone holding them. */
    public static boolean mayHandle(List<String> adminRoles, List<String> roles) {
        int rank = adminRank(adminRoles);
        return rank > 0 && roles.stream().allMatch(role -> RANKS.getOrDefault(role, Integer.MAX_VALUE) <= rank);
    }

    /** Whether a node with this lineage (ancestors and itself) lies within the admin's jurisdiction. */
    public static boolean within(String adminJurisdiction, List<String> lineage) {
        return adminJurisdiction != null && lineage.contains(adminJurisdiction);
    }

    /** The claims a role needs beside it: a unit's staff name their unit, a department's its department. */
    public static Set<String> claimsNeeded(List<String> roles) {
        Set<String> needed = new java.util.TreeSet<>();
        if (roles.contains("UNIT")) {
            needed.add("unit");
        }
        if (roles.contains("DEPARTMENT")) {
            needed.add("department");
        }
        if (roles.contains("PARTY_MEMBER") || roles.contains("VOLUNTEER")) {
            needed.add("member");
        }
        return needed;
    }
}
