package org.gridgov.wish.wish.domain;

/** What a wish or a need is about (DESIGN.md §2), shared with needs and the units' resources. */
public enum Category {
    ELDERLY_CARE, CHILD_CARE, DISABILITY_SUPPORT, HEALTH, LEGAL_AID, EDUCATION, EMPLOYMENT, REPAIRS, ENVIRONMENT,
    SAFETY, CULTURE, DONATION, OTHER
}
