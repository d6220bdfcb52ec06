package org.gridgov.fieldwork.care.domain;

/** The special groups (特殊群体) a household's care is for: sensitive, stored encrypted, never in an event. */
public enum CareGroup { ELDERLY_ALONE, DISABLED, LEFT_BEHIND_CHILD, HARDSHIP, SERIOUSLY_ILL }
