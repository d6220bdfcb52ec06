package org.gridgov.member.ranking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class RedBlackListTest {

    private static RedBlackList.Figures unit(String name, int closed, int onTime, int ratings, int ratingSum, int unanswered) {
        return new RedBlackList.Figures(UUID.randomUUID(), name, closed, 0, closed, onTime, ratings, ratingSum, unanswered);
    }

    @Test
    void each_unit_is_placed_by_the_first_rule_it_meets() {
        assertThat(RedBlackList.ruleFor(unit("absent", 5, 5, 5, 25, 3))).isEqualTo(RedBlackList.UNANSWERED);
        assertThat(RedBlackList.ruleFor(unit("late", 4, 1, 0, 0, 0))).isEqualTo(RedBlackList.LATE);
        assertThat(RedBlackList.ruleFor(unit("disliked", 2, 2, 2, 5, 0))).isEqualTo(RedBlackList.POORLY_RATED);
        assertThat(RedBlackList.ruleFor(unit("reliable", 3, 3, 0, 0, 1))).isEqualTo(RedBlackList.DELIVERED);
        assertThat(RedBlackList.ruleFor(unit("reliable but slow", 5, 3, 5, 25, 0))).isEqualTo(RedBlackList.NEITHER);
        assertThat(RedBlackList.ruleFor(unit("idle", 0, 0, 0, 0, 0))).isEqualTo(RedBlackList.NEITHER);
    }

    private static RedBlackList.Figures withProjects(RedBlackList.Projects projects) {
        return new RedBlackList.Figures(UUID.randomUUID(), "unit", 0, 0, 0, 0, 0, 0, 0, projects);
    }

    @Test
    void staying_away_from_the_joint_meeting_without_excuse_is_black_and_an_excuse_is_not() {
        RedBlackList.Projects delivering = new RedBlackList.Projects(1, 0, 1, 0, 0, 0, 0, 0, 0);
        assertThat(RedBlackList.ruleFor(new RedBlackList.Figures(UUID.randomUUID(), "away", 3, 0, 3, 3, 0, 0, 0, delivering,
                new RedBlackList.Meetings(0, 0, 1)))).isEqualTo(RedBlackList.MEETING_MISSED);
        assertThat(RedBlackList.ruleFor(new RedBlackList.Figures(UUID.randomUUID(), "excused", 3, 0, 3, 3, 0, 0, 0, delivering,
                new RedBlackList.Meetings(0, 1, 0)))).isEqualTo(RedBlackList.DELIVERED);
        assertThat(RedBlackList.ruleFor(new RedBlackList.Figures(UUID.randomUUID(), "escalated and away", 0, 0, 0, 0, 0, 0, 0,
                new RedBlackList.Projects(1, 0, 0, 0, 0, 1, 0, 0, 0), new RedBlackList.Meetings(0, 0, 1))))
                .as("the first black rule met names the entry").isEqualTo(RedBlackList.PROJECT_ESCALATED);
    }

    @Test
    void project_delivery_places_a_unit_escalations_and_poor_reviews_black_clean_delivery_red() {
        assertThat(RedBlackList.ruleFor(withProjects(new RedBlackList.Projects(1, 0, 1, 0, 1, 1, 1, 1, 0))))
                .isEqualTo(RedBlackList.PROJECT_ESCALATED);
        assertThat(RedBlackList.ruleFor(withProjects(new RedBlackList.Projects(1, 0, 0, 0, 0, 0, 2, 1, 1))))
                .isEqualTo(RedBlackList.PROJECT_POORLY_REVIEWED);
        assertThat(RedBlackList.ruleFor(withProjects(new RedBlackList.Projects(1, 0, 1, 0, 0, 0, 0, 0, 0))))
                .isEqualTo(RedBlackList.PROJECT_DELIVERED);
        assertThat(RedBlackList.ruleFor(withProjects(new RedBlackList.Projects(0, 0, 0, 0, 0, 0, 1, 1, 0))))
                .isEqualTo(RedBlackList.PROJECT_DELIVERED);
        assertThat(RedBlackList.ruleFor(withProjects(new RedBlackList.Projects(1, 0, 0, 0, 1, 0, 0, 0, 0))))
                .as("a reminded milestone").isEqualTo(RedBlackList.NEITHER);
        assertThat(RedBlackList.ruleFor(withProjects(new RedBlackList.Projects(1, 1, 0, 0, 0, 0, 0, 0, 0))))
                .as("a declined project").isEqualTo(RedBlackList.NEITHER);
        assertThat(RedBlackList.ruleFor(withProjects(new RedBlackList.Projects(0, 0, 0, 0, 0, 0, 1, 0, 0))))
                .as("graded FAIR").isEqualTo(RedBlackList.NEITHER);
    }

    @Test
    void the_red_list_comes_first_best_first() {
        List<RedBlackList.Entry> placed = RedBlackList.place(List.of(unit("idle", 0, 0, 0, 0, 0),
                unit("good", 3, 3, 1, 4, 0), unit("best", 4, 4, 1, 5, 0), unit("absent", 0, 0, 0, 0, 4)));
        assertThat(placed).extracting(entry -> entry.figures().name()).containsExactly("best", "good", "absent", "idle");
    }

    @Test
    void quarters_are_calendar_quarters_in_utc() {
        Quarter q3 = Quarter.parse("2026Q3");
        assertThat(q3.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(q3.end()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(Quarter.parse("2026Q4").end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Quarter.of(Instant.parse("2026-09-30T23:59:59Z"))).isEqualTo(q3);
        assertThatThrownBy(() -> Quarter.parse("2026Q5")).isInstanceOf(Refusal.class);
    }
}
