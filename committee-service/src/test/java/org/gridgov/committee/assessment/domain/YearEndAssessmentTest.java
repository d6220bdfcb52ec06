package org.gridgov.committee.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.gridgov.committee.assessment.domain.YearEndAssessment.Band;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Figures;
import org.gridgov.committee.assessment.domain.YearEndAssessment.JointMeetings;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Placement;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Result;
import org.gridgov.committee.assessment.domain.YearEndAssessment.ScoreReason;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Wishes;
import org.junit.jupiter.api.Test;

class YearEndAssessmentTest {

    private static final Placement RED_Q1 = new Placement("2026Q1", "RED", "R1", "closed at least 3 wishes");
    private static final Placement RED_Q2 = new Placement("2026Q2", "RED", "R2", "signed a project claim agreement");
    private static final Placement RED_Q3 = new Placement("2026Q3", "RED", "R1", "closed at least 3 wishes");
    private static final Placement BLACK_Q4 = new Placement("2026Q4", "BLACK", "B4", "let a project milestone run late");

    private static Figures projects(int signed, int completed, int due, int onTime, int escalations, int declines,
                                    int reviews, int reviewPoints) {
        return new Figures(UUID.randomUUID(), "x", signed, completed, due, onTime, escalations, declines, reviews,
                reviewPoints, Wishes.NONE, List.of(), JointMeetings.NONE);
    }

    @Test
    void two_projects_delivered_on_time_graded_excellent_wishes_served_well_and_two_red_quarters_score_100() {
        Result result = YearEndAssessment.assess(new Figures(UUID.randomUUID(), "供电所", 2, 2, 4, 4, 0, 0, 3, 60,
                new Wishes(5, 4, 4, 4, 20), List.of(RED_Q1, RED_Q2), new JointMeetings(4, 4, 6, 6)));

        assertThat(result.score()).isEqualTo(100);
        assertThat(result.band()).isEqualTo(Band.EXCELLENT);
        assertThat(result.reasons()).extracting(ScoreReason::code).containsExactly("SIGNED", "COMPLETED", "ON_TIME", "REVIEWS",
                "WISHES_CLAIMED", "WISHES_ON_TIME", "WISH_RATINGS", "RED_LIST", "RED_LIST", "JOINT_MEETINGS", "MOTIONS_VOTED");
        assertThat(result.reasons()).extracting(ScoreReason::points).containsExactly(20, 20, 10, 10, 10, 10, 10, 5, 5, 5, 5);
    }

    @Test
    void rule_a3_counts_the_joint_meetings_attended_and_the_motions_voted_on_while_present() {
        Result result = YearEndAssessment.assess(new Figures(UUID.randomUUID(), "x", 0, 0, 0, 0, 0, 0, 0, 0, Wishes.NONE,
                List.of(), new JointMeetings(4, 3, 5, 2)));

        assertThat(result.reasons()).filteredOn(reason -> reason.code().equals("JOINT_MEETINGS") || reason.code().equals("MOTIONS_VOTED"))
                .extracting(ScoreReason::text, ScoreReason::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attended 3 of 4 joint meeting(s) it was invited to", 4),
                        org.assertj.core.groups.Tuple.tuple("voted on 2 of 5 motion(s) decided while it was present", 2));
        assertThat(result.score()).isEqualTo(6);
        assertThat(YearEndAssessment.assess(projects(0, 0, 0, 0, 0, 0, 0, 0)).reasons()).extracting(ScoreReason::text)
                .contains("invited to no joint meeting", "no motion was decided while it was present");
        assertThat(YearEndAssessment.ruleText("A3")).contains("Joint meetings").startsWith(YearEndAssessment.ruleText("A2")
                .replace(" Kept between 0 and 100. EXCELLENT from 85, GOOD from 70, PASS from 50, FAIL below.", ""));
    }

    @Test
    void projects_alone_give_at_most_60_and_count_at_most_two_projects_each() {
        Result result = YearEndAssessment.assess(projects(5, 4, 0, 0, 0, 0, 0, 0));

        assertThat(result.score()).isEqualTo(40);
        assertThat(result.reasons()).extracting(ScoreReason::text).contains("no milestone was due", "no project was reviewed",
                "claimed 0 wish(es)", "fulfilled no wish", "no wish was rated");
    }

    @Test
    void wishes_count_claims_the_share_fulfilled_on_time_and_the_average_rating() {
        Result result = YearEndAssessment.assess(new Figures(UUID.randomUUID(), "x", 0, 0, 0, 0, 0, 0, 0, 0,
                new Wishes(2, 2, 1, 2, 8), List.of(), JointMeetings.NONE));

        assertThat(result.reasons()).filteredOn(reason -> reason.code().startsWith("WISH"))
                .extracting(ScoreReason::text, ScoreReason::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("claimed 2 wish(es)", 4),
                        org.assertj.core.groups.Tuple.tuple("fulfilled 1 of 2 wish(es) on time", 5),
                        org.assertj.core.groups.Tuple.tuple("2 rating(s) by residents, 4.0 of 5 on average", 8));
        assertThat(result.score()).isEqualTo(17);
    }

    @Test
    void the_red_list_gives_5_a_quarter_at_most_twice_and_the_black_list_takes_10_naming_quarter_and_rule() {
        Result result = YearEndAssessment.assess(new Figures(UUID.randomUUID(), "x", 2, 0, 0, 0, 0, 0, 0, 0,
                Wishes.NONE, List.of(RED_Q1, RED_Q2, RED_Q3, BLACK_Q4), JointMeetings.NONE));

        assertThat(result.reasons()).filteredOn(reason -> reason.code().endsWith("_LIST")).extracting(ScoreReason::points)
                .containsExactly(5, 5, 0, -10);
        assertThat(result.reasons()).extracting(ScoreReason::text)
                .contains("on the black list of 2026Q4 by rule B4: let a project milestone run late");
        assertThat(result.score()).isEqualTo(20);
    }

    @Test
    void escalations_and_declines_take_points_but_never_below_zero() {
        Result result = YearEndAssessment.assess(projects(1, 0, 2, 1, 3, 2, 1, 8));

        assertThat(result.reasons()).filteredOn(reason -> reason.code().equals("ESCALATED"))
                .extracting(ScoreReason::points).containsExactly(-30);
        assertThat(result.reasons()).extracting(ScoreReason::code).contains("DECLINED");
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
        Figures weak = new Figures(UUID.randomUUID(), "乙", 1, 0, 0, 0, 0, 0, 0, 0, Wishes.NONE, List.of(), JointMeetings.NONE);
        Figures strong = new Figures(UUID.randomUUID(), "甲", 2, 1, 1, 1, 0, 0, 0, 0, Wishes.NONE, List.of(), JointMeetings.NONE);

        assertThat(YearEndAssessment.assessAll(List.of(weak, strong))).extracting(result -> result.figures().name())
                .containsExactly("甲", "乙");
    }

    @Test
    void the_wording_of_an_earlier_rule_stays_for_the_versions_computed_by_it() {
        assertThat(YearEndAssessment.ruleText("A1")).startsWith("15 points per signed project claim agreement");
        assertThat(YearEndAssessment.ruleText("A2")).contains("Wishes:", "Red/black list");
    }
}
