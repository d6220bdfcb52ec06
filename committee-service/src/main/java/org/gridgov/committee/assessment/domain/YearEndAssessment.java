package org.gridgov.committee.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The year-end assessment (年底考核) of a community's member units from their projects of the year: rule
 * A1 gives each unit a score of 0 to 100 and a band, and every point given or taken has its reason, so
 * that a unit can see why and the committee can defend the figure in the units' annual performance review.
 */
public final class YearEndAssessment {

    public static final String RULE = "A1";
    public static final String RULE_TEXT = "15 points per signed project claim agreement (at most 30); 15 per project "
            + "completed (at most 30); up to 20 for the share of due milestones reached on time; up to 20 for the "
            + "average grade of the quarterly reviews (EXCELLENT 20, GOOD 15, FAIR 8, POOR 0); minus 10 per milestone "
            + "escalated to the community (督办) and 5 per project declined; kept between 0 and 100. "
            + "EXCELLENT from 85, GOOD from 70, PASS from 50, FAIL below.";

    public enum Band { EXCELLENT, GOOD, PASS, FAIL }

    /**
     * What a unit did with its projects of the year in the community.
     *
     * @param milestonesDue    milestones due by the assessment (or reached before their date)
     * @param milestonesOnTime of those, reached by the end of their due day
     * @param reviewPoints     the reviews' grades in points (EXCELLENT 20, GOOD 15, FAIR 8, POOR 0), summed
     */
    public record Figures(UUID unitId, String name, int signed, int completed, int milestonesDue, int milestonesOnTime,
                          int escalations, int declines, int reviews, int reviewPoints) {

        /** Average review grade in points, or null without reviews. */
        public Double averageReview() {
            return reviews == 0 ? null : (double) reviewPoints / reviews;
        }
    }

    /** One reason for points given (positive) or taken (negative). */
    public record Reason(String code, String text, int points) {
    }

    public record Result(Figures figures, int score, Band band, List<Reason> reasons) {
    }

    private YearEndAssessment() {
    }

    public static int reviewPoints(String grade) {
        return switch (grade) {
            case "EXCELLENT" -> 20;
            case "GOOD" -> 15;
            case "FAIR" -> 8;
            default -> 0;
        };
    }

    public static Result assess(Figures f) {
        List<Reason> reasons = new ArrayList<>();
        int signed = Math.min(f.signed() * 15, 30);
        reasons.add(new Reason("SIGNED", "signed " + f.signed() + " project claim agreement(s)", signed));
        int completed = Math.min(f.completed() * 15, 30);
        reasons.add(new Reason("COMPLETED", "completed " + f.completed() + " project(s)", completed));
        if (f.milestonesDue() == 0) {
            reasons.add(new Reason("ON_TIME", "no milestone was due", 0));
        } else {
            reasons.add(new Reason("ON_TIME", "reached " + f.milestonesOnTime() + " of " + f.milestonesDue()
                    + " due milestone(s) on time", Math.round(20f * f.milestonesOnTime() / f.milestonesDue())));
        }
        if (f.reviews() == 0) {
            reasons.add(new Reason("REVIEWS", "no project was reviewed", 0));
        } else {
            reasons.add(new Reason("REVIEWS", f.reviews() + " quarterly review(s), " + Math.round(f.averageReview())
                    + " of 20 points on average", (int) Math.round(f.averageReview())));
        }
        if (f.escalations() > 0) {
            reasons.add(new Reason("ESCALATED", f.escalations() + " milestone(s) escalated to the community (督办)",
                    -10 * f.escalations()));
        }
        if (f.declines() > 0) {
            reasons.add(new Reason("DECLINED", "declined " + f.declines() + " project(s)", -5 * f.declines()));
        }
        int score = Math.max(0, Math.min(100, reasons.stream().mapToInt(Reason::points).sum()));
        return new Result(f, score, band(score), List.copyOf(reasons));
    }

    public static Band band(int score) {
        if (score >= 85) {
            return Band.EXCELLENT;
        }
        if (score >= 70) {
            return Band.GOOD;
        }
        return score >= 50 ? Band.PASS : Band.FAIL;
    }

    /** Every unit assessed, best first (then by name), as frozen in a version. */
    public static List<Result> assessAll(List<Figures> units) {
        return units.stream().map(YearEndAssessment::assess)
                .sorted(java.util.Comparator.comparingInt(Result::score).reversed()
                        .thenComparing(result -> result.figures().name())
                        .thenComparing(result -> result.figures().unitId()))
                .toList();
    }
}
