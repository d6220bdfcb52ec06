package org.gridgov.fieldwork.department.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * 综合评价: how a department dealt with the cases referred to it in a period — how many it acknowledged and
 * handled, how many of those on time, how many needed rework, and the median minutes to acknowledge (from the
 * referral) and to handle (from the acknowledgement to the first handling report).
 */
public record Performance(int referred, int acknowledged, int acknowledgedOnTime, int handled, int handledOnTime,
                          int closed, int reworked, int reworks, double reworkRate, Long medianMinutesToAcknowledge,
                          Long medianMinutesToHandle) {

    /** One referred case as performance counts it. */
    public record Referral(Instant referredAt, Instant acknowledgedAt, Boolean acknowledgedOnTime,
                           Instant firstHandledAt, Boolean handledOnTime, Instant closedAt, int reworkCount) {
    }

    public static Performance of(List<Referral> referrals) {
        int acknowledged = 0, acknowledgedOnTime = 0, handled = 0, handledOnTime = 0, closed = 0, reworked = 0,
                reworks = 0;
        List<Long> toAcknowledge = new ArrayList<>();
        List<Long> toHandle = new ArrayList<>();
        for (Referral r : referrals) {
            if (r.acknowledgedAt() != null) {
                acknowledged++;
                toAcknowledge.add(Duration.between(r.referredAt(), r.acknowledgedAt()).toMinutes());
                if (Boolean.TRUE.equals(r.acknowledgedOnTime())) {
                    acknowledgedOnTime++;
                }
            }
            if (r.firstHandledAt() != null) {
                handled++;
                toHandle.add(Duration.between(r.acknowledgedAt(), r.firstHandledAt()).toMinutes());
                if (Boolean.TRUE.equals(r.handledOnTime())) {
                    handledOnTime++;
                }
            }
            if (r.closedAt() != null) {
                closed++;
            }
            if (r.reworkCount() > 0) {
                reworked++;
                reworks += r.reworkCount();
            }
        }
        double reworkRate = handled == 0 ? 0 : Math.round(1000.0 * reworked / handled) / 1000.0;
        return new Performance(referrals.size(), acknowledged, acknowledgedOnTime, handled, handledOnTime, closed,
                reworked, reworks, reworkRate, median(toAcknowledge), median(toHandle));
    }

    /** The median, the lower middle of an even count; null for none. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
