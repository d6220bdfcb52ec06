package org.gridgov.member.unit.domain;

/** What kind of organisation a member unit is (the {@code unit.joined} event's enum). */
public enum UnitKind {
    AGENCY, SCHOOL, ENTERPRISE, SOCIAL_ORGANISATION, MERCHANT, PROPERTY_MANAGER
}
