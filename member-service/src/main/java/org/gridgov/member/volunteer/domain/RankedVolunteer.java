package org.gridgov.member.volunteer.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A volunteer's place in the community's ranking: service hours first, then points, from joint activities. */
public record RankedVolunteer(int rank, UUID volunteerId, String name, BigDecimal hours, long points, long activities) {
}
