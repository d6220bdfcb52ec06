package org.gridgov.member.points.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.gridgov.kit.domain.Refusal;

/**
 * How many points service earns: a fixed amount per closed wish for each member who served it,
 * and an amount per approved hour of recorded service (rounded half up, at least one point).
 */
public record PointsPolicy(long perClosedWish, long perServiceHour) {

    public PointsPolicy {
        if (perClosedWish <= 0 || perServiceHour <= 0) {
            throw new IllegalArgumentException("points per wish and per hour must be positive");
        }
    }

    public long forClosedWish() {
        return perClosedWish;
    }

    public long forServiceHours(BigDecimal hours) {
        if (hours == null || hours.signum() <= 0) {
            throw Refusal.invalid("Service hours must be positive.");
        }
        return Math.max(1, hours.multiply(BigDecimal.valueOf(perServiceHour)).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
