package org.gridgov.committee.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.gridgov.committee.assessment.domain.YearEndAssessment.Band;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Figures;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Reason;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Result;
import org.junit.jupiter.api.Test;

class YearEndAssessmentTest {

    @Test
    void two_projects_signed_delivered_on_time_and_graded_excellent_score_100() {
        Result result = YearEndAssessment.assess(new Figures(UUID.randomUUID(), "供电所", 2, 2, 4, 4, 0, 0, 3, 60));

        assertThat(result.score()).isEqualTo(100);
        assertThat(result.band()).isEqualTo(Band.EXCELLENT);
        assertThat(result.reasons()).extracting(Reason::points).containsExactly(30, 30, 20, 20);
    }

    @Test
    void signing_and_completing_count_at_most_two_projects_each() {
        Result result = YearEndAssessment.assess(new Figures(UUID.randomUUID(), "x", 5, 4, 0, 0, 0, 0, 0, 0));

        assertThat(result.score()).isEqualTo(60);
        assertThat(result.reasons()).extracting(Reason::text).contains("no milestone was due", "no project was reviewed");
    }

    @Test
    void escalations_and_declines_take_points_but_never_below_zero() {
        Result result = YearEndAssessment.assess(new Figures(UUID.randomUUID(), "x", 1, 0, 2, 1, 3, 2, 1, 8));

        assertThat(result.reasons()).extracting(Reason::code).contains("ESCALATED", "DECLINED");
        assertThat(result.reasons()).filteredOn(reason -> reason.code().equals("ESCALATED"))
                .extracting(Reason::points).containsExactly(-30);
        assertThat(result.score()).isZero();
        assertThat(result.band()).isEqualTo(Band.FAIL);
    }

    @Test
    void bands_start_at_85_70_and_50() {
        assertThat(List.of(85, 84, 70, 69, 50, 49)).extracting(YearEndAssessment::band)
                .containsExactly(Band.EXCELLENT, Band.GOOD, Band.GOOD, Band.PASS, Band.PASS, Band.FAIL);
    }

    @Test
    void units_are_placed_best_first() {
        Figures weak = new Figures(UUID.randomUUID(), "乙", 1, 0, 0, 0, 0, 0, 0, 0);
        Figures strong = new Figures(UUID.randomUUID(), "甲", 2, 1, 1, 1, 0, 0, 0, 0);

        assertThat(YearEndAssessment.assessAll(List.of(weak, strong))).extracting(result -> result.figures().name())
                .containsExactly("甲", "乙");
    }
}
