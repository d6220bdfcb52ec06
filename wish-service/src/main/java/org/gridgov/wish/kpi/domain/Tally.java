package org.gridgov.wish.kpi.domain;

/**
 * Wishes counted for one node or unit over a period (wishes submitted in it).
 *
 * @param claimed      held or done by a claimer now (CLAIMED, FULFILLED, CLOSED): a released wish does not count
 * @param closedOnTime closed without ever missing a deadline
 * @param overdueOpen  still open and past a deadline
 * @param satisfied    rated 4 or 5
 */
public record Tally(long submitted, long dispatched, long claimed, long closed, long closedOnTime, long overdueOpen,
                    long rated, long ratingTotal, long satisfied) {
}
