package org.gridgov.committee.meeting.domain;

public enum Choice {
    FOR, AGAINST, ABSTAIN
}
