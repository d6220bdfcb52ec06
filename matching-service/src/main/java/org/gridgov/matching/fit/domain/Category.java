package org.gridgov.matching.fit.domain;

/** The categories shared by wishes, needs and resources (DESIGN.md §2). */
public enum Category {
    ELDERLY_CARE, CHILD_CARE, DISABILITY_SUPPORT, HEALTH, LEGAL_AID, EDUCATION, EMPLOYMENT, REPAIRS, ENVIRONMENT,
    SAFETY, CULTURE, DONATION, OTHER
}
