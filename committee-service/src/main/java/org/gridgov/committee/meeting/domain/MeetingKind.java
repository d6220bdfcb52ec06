package org.gridgov.committee.meeting.domain;

/**
 * The meetings the seeds name: the quarterly joint meeting (联席会议), a deliberation (议事会), a grid branch's
 * briefing (民情采集员意见碰头会), a residents' meeting (楼栋板凳会, 片区坝坝会, 居民议事会).
 */
public enum MeetingKind {
    JOINT, DELIBERATION, GRID_BRIEFING, RESIDENTS
}
