package org.gridgov.committee.assessment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The year-end assessment (年底考核) of a community's member units: rule A3 gives each unit a score of 0 to 100
 * and a band from its projects of the year, its wishes, its places on the quarterly red/black list and its part in
 * the joint meetings (联席会议: attendance and votes on their motions), and
 * every point given or taken has its reason, so that a unit can see why and the committee can defend the
 * figure in the units' annual performance review. Versions frozen by an earlier rule keep their rule, figures
 * and reasons; only the rule's wording is looked up here ({@link #ruleText}).
 */
public final class YearEndAssessment {

    public static final String RULE = "A3";

    /** The wording of every rule a version was ever computed by; a rule is never changed, only followed by another. */
    private static final String A2 = "Projects: 10 points per signed project claim agreement (at most 20); 10 per project completed (at most "
            + "20); up to 10 for the share of due milestones reached on time; up to 10 for the average grade of the "
            + "quarterly reviews (EXCELLENT 10, GOOD 7.5, FAIR 4, POOR 0); minus 10 per milestone escalated to the "
            + "community (督办) and 5 per project declined. Wishes: 2 per wish claimed and kept (at most 10); up to "
            + "10 for the share of wishes fulfilled on time (by the date the resident wanted, before the fulfilment "
            + "deadline); up to 10 for the residents' average rating (2 per star). Red/black list (红黑榜), as "
            + "announced each quarter: 5 per quarter on the red list (at most 10); minus 10 per quarter on the black "
            + "list.";
    private static final String BANDS = " Kept between 0 and 100. EXCELLENT from 85, GOOD from 70, PASS from 50, FAIL below.";

    private static final Map<String, String> RULE_TEXTS = Map.of(
            "A1", "15 points per signed project claim agreement (at most 30); 15 per project "
                    + "completed (at most 30); up to 20 for the share of due milestones reached on time; up to 20 for the "
                    + "average grade of the quarterly reviews (EXCELLENT 20, GOOD 15, FAIR 8, POOR 0); minus 10 per milestone "
                    + "escalated to the community (督办) and 5 per project declined; kept between 0 and 100. "
                    + "EXCELLENT from 85, GOOD from 70, PASS from 50, FAIL below.",
            "A2", A2 + BANDS,
            "A3", A2 + " Joint meetings (联席会议) closed in the year: up to 5 for the share of those the unit was invited to "
                    + "that it attended; up to 5 for the share of the motions decided there while it was present that it "
                    + "voted on." + BANDS);

    public enum Band { EXCELLENT, GOOD, PASS, FAIL }

    /**
     * What a unit did in the community in the year.
     *
     * @param milestonesDue    milestones due by the assessment (or reached before their date)
     * @param milestonesOnTime of those, reached by the end of their due day
     * @param reviewPoints     the reviews' grades in points (EXCELLENT 20, GOOD 15, FAIR 8, POOR 0), summed
     * @param wishes           its wishes; null in versions of rule A1, which did not count them
     * @param lists            its red and black list placements, by quarter; null in versions of rule A1
     * @param meetings         its part in the joint meetings; null in versions of rules A1 and A2
     */
    public record Figures(UUID unitId, String name, int signed, int completed, int milestonesDue, int milestonesOnTime,
                          int escalations, int declines, int reviews, int reviewPoints, Wishes wishes,
                          List<Placement> lists, JointMeetings meetings) {

        /** Average review grade in points of 20, or null without reviews. */
        public Double averageReview() {
            return reviews == 0 ? null : (double) reviewPoints / reviews;
        }
    }

    /**
     * A unit's wishes of the year.
     *
     * @param claimed   wishes it claimed (接单) and did not give up
     * @param fulfilled wishes it fulfilled
     * @param onTime    of those, by the date the resident wanted and before the fulfilment deadline passed
     * @param ratings   ratings residents gave on closing
     * @param ratingSum their sum, 1 to 5 each
     */
    public record Wishes(int claimed, int fulfilled, int onTime, int ratings, int ratingSum) {

        public static final Wishes NONE = new Wishes(0, 0, 0, 0, 0);

        /** Average rating of 5, or null without ratings. */
        public Double averageRating() {
            return ratings == 0 ? null : (double) ratingSum / ratings;
        }
    }

    /**
     * A unit's part in the joint meetings (联席会议) of the year.
     *
     * @param invited  closed joint meetings it was invited to
     * @param attended of those, the ones it was present at
     * @param motions  motions decided at those meetings while it was present
     * @param voted    of those, the ones it voted on
     */
    public record JointMeetings(int invited, int attended, int motions, int voted) {

        public static final JointMeetings NONE = new JointMeetings(0, 0, 0, 0);
    }

    /** A quarter's announced red/black list placed the unit on the red or black list by this rule. */
    public record Placement(String quarter, String list, String rule, String reason) {
    }

    /** One reason for points given (positive) or taken (negative). */
    public record ScoreReason(String code, String text, int points) {
    }

    public record Result(Figures figures, int score, Band band, List<ScoreReason> reasons) {
    }

    private YearEndAssessment() {
    }

    /** The wording of a rule, for versions computed by it. */
    public static String ruleText(String rule) {
        return RULE_TEXTS.getOrDefault(rule, "");
    }

    public static Result assess(Figures f) {
        List<ScoreReason> reasons = new ArrayList<>();
        reasons.add(new ScoreReason("SIGNED", "signed " + f.signed() + " project claim agreement(s)", Math.min(f.signed() * 10, 20)));
        reasons.add(new ScoreReason("COMPLETED", "completed " + f.completed() + " project(s)", Math.min(f.completed() * 10, 20)));
        reasons.add(f.milestonesDue() == 0 ? new ScoreReason("ON_TIME", "no milestone was due", 0)
                : new ScoreReason("ON_TIME", "reached " + f.milestonesOnTime() + " of " + f.milestonesDue()
                        + " due milestone(s) on time", share(10, f.milestonesOnTime(), f.milestonesDue())));
        reasons.add(f.reviews() == 0 ? new ScoreReason("REVIEWS", "no project was reviewed", 0)
                : new ScoreReason("REVIEWS", f.reviews() + " quarterly review(s), average grade " + Math.round(f.averageReview())
                        + " of 20", (int) Math.round(f.averageReview() / 2)));
        if (f.escalations() > 0) {
            reasons.add(new ScoreReason("ESCALATED", f.escalations() + " milestone(s) escalated to the community (督办)",
                    -10 * f.escalations()));
        }
        if (f.declines() > 0) {
            reasons.add(new ScoreReason("DECLINED", "declined " + f.declines() + " project(s)", -5 * f.declines()));
        }
        Wishes w = f.wishes();
        reasons.add(new ScoreReason("WISHES_CLAIMED", "claimed " + w.claimed() + " wish(es)", Math.min(w.claimed() * 2, 10)));
        reasons.add(w.fulfilled() == 0 ? new ScoreReason("WISHES_ON_TIME", "fulfilled no wish", 0)
                : new ScoreReason("WISHES_ON_TIME", "fulfilled " + w.onTime() + " of " + w.fulfilled() + " wish(es) on time",
                        share(10, w.onTime(), w.fulfilled())));
        reasons.add(w.ratings() == 0 ? new ScoreReason("WISH_RATINGS", "no wish was rated", 0)
                : new ScoreReason("WISH_RATINGS", w.ratings() + " rating(s) by residents, " + String.format(java.util.Locale.ROOT,
                        "%.1f", w.averageRating()) + " of 5 on average", (int) Math.round(w.averageRating() * 2)));
        int red = 0;
        for (Placement placement : f.lists()) {
            boolean onRed = "RED".equals(placement.list());
            int points = onRed ? (red < 2 ? 5 : 0) : -10;
            red += onRed ? 1 : 0;
            reasons.add(new ScoreReason(onRed ? "RED_LIST" : "BLACK_LIST", "on the " + (onRed ? "red" : "black") + " list of "
                    + placement.quarter() + " by rule " + placement.rule() + ": " + placement.reason(), points));
        }
        JointMeetings m = f.meetings();
        if (m != null) {
            reasons.add(m.invited() == 0 ? new ScoreReason("JOINT_MEETINGS", "invited to no joint meeting", 0)
                    : new ScoreReason("JOINT_MEETINGS", "attended " + m.attended() + " of " + m.invited()
                            + " joint meeting(s) it was invited to", share(5, m.attended(), m.invited())));
            reasons.add(m.motions() == 0 ? new ScoreReason("MOTIONS_VOTED", "no motion was decided while it was present", 0)
                    : new ScoreReason("MOTIONS_VOTED", "voted on " + m.voted() + " of " + m.motions()
                            + " motion(s) decided while it was present", share(5, m.voted(), m.motions())));
        }
        int score = Math.max(0, Math.min(100, reasons.stream().mapToInt(ScoreReason::points).sum()));
        return new Result(f, score, band(score), List.copyOf(reasons));
    }

    private static int share(int points, int part, int whole) {
        return Math.round((float) points * part / whole);
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
                .sorted(Comparator.comparingInt(Result::score).reversed()
                        .thenComparing(result -> result.figures().name())
                        .thenComparing(result -> result.figures().unitId()))
                .toList();
    }
}
