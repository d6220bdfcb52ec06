package org.gridgov.grid.tree.domain;

/**
 * What lies inside a node: households (shops included), shops, hub households, current staff
 * (一长六员 and micro-grid chiefs) and party members (registered there or reported in, 双报到, as
 * member-service announced them). For a hub household, its households are the ones it links.
 */
public record NodeCounts(long households, long shops, long hubHouseholds, long staff, long partyMembers) {

    public static final NodeCounts NONE = new NodeCounts(0, 0, 0, 0, 0);
}
