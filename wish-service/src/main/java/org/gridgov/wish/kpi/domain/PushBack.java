package org.gridgov.wish.kpi.domain;

/**
 * How residents pushed back on the wishes counted: reopened after closing, and urged (催单).
 *
 * @param everClosed wishes closed at least once (closed now, or reopened since); for a claimer, those
 *                   it closed
 * @param reopened   of those, reopened at least once; for a claimer, reopened after it had closed them
 * @param urges      urges in all, however many per wish
 */
public record PushBack(long everClosed, long reopened, long urges) {

    public static final PushBack NONE = new PushBack(0, 0, 0);
}
