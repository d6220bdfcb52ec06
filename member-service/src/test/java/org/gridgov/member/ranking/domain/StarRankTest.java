package org.gridgov.member.ranking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StarRankTest {

    private static StarRank.Figures member(String name, long points, int hours) {
        return new StarRank.Figures(UUID.randomUUID(), name, points, BigDecimal.valueOf(hours), 0);
    }

    @Test
    void stars_need_both_the_points_and_the_hours_of_a_level() {
        List<StarRank.Entry> ranked = StarRank.rank(List.of(member("points only", 500, 2), member("both", 200, 40),
                member("nothing", 0, 0)));
        assertThat(ranked).extracting(StarRank.Entry::stars).containsExactly(1, 5, 0);
        assertThat(ranked.get(0).rule()).isEqualTo("1★: at least 1 points earned and 1 service hours this year");
        assertThat(ranked.get(2).rule()).isEqualTo(StarRank.NO_STAR_RULE);
    }

    @Test
    void members_with_the_same_points_and_hours_share_a_place() {
        List<StarRank.Entry> ranked = StarRank.rank(List.of(member("c", 10, 1), member("a", 50, 5), member("b", 50, 5)));
        assertThat(ranked).extracting(StarRank.Entry::place).containsExactly(1, 1, 3);
        assertThat(ranked).extracting(entry -> entry.figures().name()).containsExactly("a", "b", "c");
    }
}
