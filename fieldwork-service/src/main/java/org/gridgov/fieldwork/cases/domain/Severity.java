package org.gridgov.fieldwork.cases.domain;

/** How urgent a case is: it sets the departments' SLA, and an EMERGENCY reaches the community's admins at once. */
public enum Severity {
    ROUTINE, URGENT, EMERGENCY
}
