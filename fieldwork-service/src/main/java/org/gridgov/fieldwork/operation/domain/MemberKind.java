package org.gridgov.fieldwork.operation.domain;

/** The kinds of party member a call-out may ask for (member-service's kinds); in-service ones once they dual-reported. */
public enum MemberKind {
    RESIDENT, IN_SERVICE, RETIRED, MOBILE, NEW_ORG
}
