package org.gridgov.member.resource.domain;

/** What a resource (or a wish, or a need) is about; the platform-wide list of DESIGN.md §2. */
public enum Category {
    ELDERLY_CARE, CHILD_CARE, DISABILITY_SUPPORT, HEALTH, LEGAL_AID, EDUCATION, EMPLOYMENT, REPAIRS, ENVIRONMENT,
    SAFETY, CULTURE, DONATION, OTHER
}
