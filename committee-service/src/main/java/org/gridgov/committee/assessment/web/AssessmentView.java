package org.gridgov.committee.assessment.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.committee.assessment.domain.YearEndAssessment;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Figures;
import org.gridgov.committee.assessment.domain.YearEndAssessment.ScoreReason;
import org.gridgov.committee.assessment.domain.AssessmentVersion;

/**
 * A version of a community's year-end assessment: each unit's score, band, figures and reasons, and the rule it
 * was computed by (a version of rule A1 has no wishes or red/black list figures, one of A1 or A2 no joint meetings: null).
 */
public record AssessmentView(UUID assessmentId, UUID communityId, int year, int version, String rule, String ruleText,
                             Instant computedAt, List<AssessedUnitView> units) {

    public record AssessedFiguresView(int signed, int completed, int milestonesDue, int milestonesOnTime, int escalations,
                                      int declines, int reviews, Double averageReview, AssessedWishesView wishes,
                                      List<YearEndAssessment.Placement> redBlackList, YearEndAssessment.JointMeetings jointMeetings) {
    }

    public record AssessedWishesView(int claimed, int fulfilled, int fulfilledOnTime, int ratings, Double averageRating) {

        static AssessedWishesView of(YearEndAssessment.Wishes wishes) {
            return wishes == null ? null : new AssessedWishesView(wishes.claimed(), wishes.fulfilled(), wishes.onTime(),
                    wishes.ratings(), wishes.averageRating());
        }
    }

    public record AssessedUnitView(int place, UUID unitId, String name, int score, String band, AssessedFiguresView figures,
                           List<ScoreReason> reasons) {
    }

    static AssessmentView of(AssessmentVersion version) {
        return new AssessmentView(version.id(), version.communityId(), version.year(), version.version(), version.rule(),
                YearEndAssessment.ruleText(version.rule()), version.computedAt(), version.units().stream().map(placed -> {
                    Figures f = placed.result().figures();
                    return new AssessedUnitView(placed.place(), f.unitId(), f.name(), placed.result().score(),
                            placed.result().band().name(), new AssessedFiguresView(f.signed(), f.completed(), f.milestonesDue(),
                            f.milestonesOnTime(), f.escalations(), f.declines(), f.reviews(), f.averageReview(),
                            AssessedWishesView.of(f.wishes()), f.lists(), f.meetings()),
                            placed.result().reasons());
                }).toList());
    }
}
