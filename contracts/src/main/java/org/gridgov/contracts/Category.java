package org.gridgov.contracts;

/**
 * What a wish, a need or a unit's resource is about: the platform-wide list of docs/design.md §2, the
 * same in every service and in the events' schemas ({@code common.json#/$defs/category}).
 */
public enum Category {
    ELDERLY_CARE, CHILD_CARE, DISABILITY_SUPPORT, HEALTH, LEGAL_AID, EDUCATION, EMPLOYMENT, REPAIRS, ENVIRONMENT,
    SAFETY, CULTURE, DONATION, OTHER
}
