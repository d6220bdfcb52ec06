package org.gridgov.wish.kpi.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The fulfilment figures operators are judged by. Rates are empty rather than 0 or 100% when there
 * is nothing to divide by, so that an idle grid does not look perfect or hopeless.
 *
 * @param fulfilmentRate claimed-or-closed ÷ submitted (the seed's 139 of 163 wishes = 0.853)
 * @param onTimeRate     closed on time ÷ (closed + overdue still open): an honest rate, since late
 *                       wishes that are still open count against it instead of waiting to be closed
 * @param averageRating  mean rating of the rated wishes
 * @param satisfaction   rated 4 or 5 ÷ rated
 * @param reopenRate     reopened ÷ closed at least once: how often "done" was not done
 */
public record Kpis(Tally tally, PushBack pushBack, Optional<BigDecimal> fulfilmentRate, Optional<BigDecimal> onTimeRate,
                   Optional<BigDecimal> averageRating, Optional<BigDecimal> satisfaction,
                   Optional<BigDecimal> reopenRate, StepMedians medians) {

    public static Kpis of(Tally tally, PushBack pushBack, StepMedians medians) {
        return new Kpis(tally, pushBack,
                ratio(tally.claimed(), tally.submitted()),
                ratio(tally.closedOnTime(), tally.closed() + tally.overdueOpen()),
                ratio(tally.ratingTotal(), tally.rated()),
                ratio(tally.satisfied(), tally.rated()),
                ratio(pushBack.reopened(), pushBack.everClosed()),
                medians);
    }

    static Optional<BigDecimal> ratio(long part, long whole) {
        return whole == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP));
    }
}
