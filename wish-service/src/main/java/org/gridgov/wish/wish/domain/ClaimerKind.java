package org.gridgov.wish.wish.domain;

public enum ClaimerKind {
    UNIT, PARTY_MEMBER
}
