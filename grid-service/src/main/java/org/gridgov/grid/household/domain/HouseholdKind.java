package org.gridgov.grid.household.domain;

/** 住户 (a resident household) or 商户 (a shop). */
public enum HouseholdKind {
    RESIDENT, SHOP
}
