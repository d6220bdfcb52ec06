package org.gridgov.committee.meeting.domain;

/** The count a motion was decided by, stored with it. */
public record Tally(int eligible, int present, int votesFor, int votesAgainst, int abstentions) {
}
