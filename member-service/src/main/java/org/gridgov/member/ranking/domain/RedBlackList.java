package org.gridgov.member.ranking.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The quarterly red/black list (红黑榜) of a community's member units, from what the wish workflow, the Grand
 * Party Committee's projects and its joint meetings (联席会议) recorded about each unit. A unit is put on the black list by the first black rule it meets, on
 * the red list when it meets the red rule, and otherwise on neither; every entry names its rule.
 */
public final class RedBlackList {

    public enum Placement { RED, BLACK, NONE }

    /** A rule, with the code and wording shown next to each entry it placed. */
    public record Rule(String code, Placement placement, String text) {
    }

    public static final Rule UNANSWERED = new Rule("B1", Placement.BLACK,
            "left 3 or more dispatched wishes unanswered until the claim deadline");
    public static final Rule LATE = new Rule("B2", Placement.BLACK,
            "fulfilled fewer than half of at least 2 closed wishes on time");
    public static final Rule POORLY_RATED = new Rule("B3", Placement.BLACK,
            "rated below 3.0 on average by residents, over at least 2 ratings");
    public static final Rule PROJECT_ESCALATED = new Rule("B4", Placement.BLACK,
            "let a project milestone run so late that it was escalated to the community's admins (督办)");
    public static final Rule PROJECT_POORLY_REVIEWED = new Rule("B5", Placement.BLACK,
            "had a project graded POOR at the quarter's review (项目评议)");
    public static final Rule MEETING_MISSED = new Rule("B6", Placement.BLACK,
            "stayed away from the quarter's joint meeting of the Grand Party Committee (联席会议) without excuse");
    public static final Rule DELIVERED = new Rule("R1", Placement.RED,
            "closed at least 3 wishes, at least 80% on time, rated 4.0 or better on average (when rated), "
                    + "at most 1 dispatch unanswered");
    public static final Rule PROJECT_DELIVERED = new Rule("R2", Placement.RED,
            "signed a project claim agreement or was graded GOOD or better at the quarter's project review, with every "
                    + "review GOOD or better, every milestone reached on time, none reminded and no project declined");
    public static final Rule NEITHER = new Rule("N", Placement.NONE, "met neither a red nor a black rule");

    public static final List<Rule> RULES = List.of(UNANSWERED, LATE, POORLY_RATED, PROJECT_ESCALATED,
            PROJECT_POORLY_REVIEWED, MEETING_MISSED, DELIVERED, PROJECT_DELIVERED, NEITHER);

    private RedBlackList() {
    }

    /**
     * What a unit did in the quarter, in the community.
     *
     * @param claims       wishes it claimed
     * @param released     claims it gave up again
     * @param closed       wishes it served that residents closed
     * @param onTime       of those, fulfilled by the wanted date and without the fulfilment deadline escalating
     * @param ratings      ratings residents gave on closing
     * @param ratingSum    their sum
     * @param unanswered   dispatches to it as a candidate that nobody claimed before the claim deadline
     * @param projects     what it did with the committee's projects in the quarter
     * @param meetings     its attendance at the quarter's joint meetings
     */
    public record Figures(UUID unitId, String name, int claims, int released, int closed, int onTime, int ratings,
                          int ratingSum, int unanswered, Projects projects, Meetings meetings) {

        /** A unit without projects and joint meetings in the quarter. */
        public Figures(UUID unitId, String name, int claims, int released, int closed, int onTime, int ratings,
                       int ratingSum, int unanswered) {
            this(unitId, name, claims, released, closed, onTime, ratings, ratingSum, unanswered, Projects.NONE);
        }

        /** A unit without joint meetings in the quarter. */
        public Figures(UUID unitId, String name, int claims, int released, int closed, int onTime, int ratings,
                       int ratingSum, int unanswered, Projects projects) {
            this(unitId, name, claims, released, closed, onTime, ratings, ratingSum, unanswered, projects, Meetings.NONE);
        }

        /** Share of closed wishes fulfilled on time, or null when none closed. */
        public Double onTimeRate() {
            return closed == 0 ? null : (double) onTime / closed;
        }

        /** Average rating, or null without ratings. */
        public Double averageRating() {
            return ratings == 0 ? null : (double) ratingSum / ratings;
        }
    }

    /**
     * A unit's projects of the Grand Party Committee in the quarter.
     *
     * @param signed           claim agreements (项目认领书) it signed
     * @param declined         projects it was offered or had claimed and gave back
     * @param milestonesOnTime milestones it reached by their due date
     * @param milestonesLate   milestones it reached after it
     * @param reminders        reminders of a milestone past due
     * @param escalations      late milestones escalated to the community's admins (督办)
     * @param reviews          grades given for the quarter at the joint meeting (项目评议)
     * @param goodReviews      of those, GOOD or EXCELLENT
     * @param poorReviews      of those, POOR
     */
    public record Projects(int signed, int declined, int milestonesOnTime, int milestonesLate, int reminders,
                           int escalations, int reviews, int goodReviews, int poorReviews) {

        public static final Projects NONE = new Projects(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * A unit's joint meetings (联席会议) of the quarter it was invited to, closed.
     *
     * @param present came
     * @param excused were excused (请假)
     * @param absent  stayed away without excuse
     */
    public record Meetings(int present, int excused, int absent) {

        public static final Meetings NONE = new Meetings(0, 0, 0);
    }

    public record Entry(Placement placement, Rule rule, Figures figures) {
    }

    public static Rule ruleFor(Figures figures) {
        if (figures.unanswered() >= 3) {
            return UNANSWERED;
        }
        if (figures.closed() >= 2 && figures.onTimeRate() < 0.5) {
            return LATE;
        }
        if (figures.ratings() >= 2 && figures.averageRating() < 3.0) {
            return POORLY_RATED;
        }
        Projects projects = figures.projects();
        if (projects.escalations() >= 1) {
            return PROJECT_ESCALATED;
        }
        if (projects.poorReviews() >= 1) {
            return PROJECT_POORLY_REVIEWED;
        }
        if (figures.meetings().absent() >= 1) {
            return MEETING_MISSED;
        }
        if (figures.closed() >= 3 && figures.onTimeRate() >= 0.8
                && (figures.ratings() == 0 || figures.averageRating() >= 4.0) && figures.unanswered() <= 1) {
            return DELIVERED;
        }
        if ((projects.signed() >= 1 || projects.goodReviews() >= 1) && projects.goodReviews() == projects.reviews()
                && projects.milestonesLate() == 0 && projects.reminders() == 0 && projects.declined() == 0) {
            return PROJECT_DELIVERED;
        }
        return NEITHER;
    }

    /** Every unit placed, best first within each list: by wishes closed on time, then average rating. */
    public static List<Entry> place(List<Figures> units) {
        List<Entry> entries = new ArrayList<>();
        for (Figures figures : units) {
            Rule rule = ruleFor(figures);
            entries.add(new Entry(rule.placement(), rule, figures));
        }
        entries.sort(Comparator.comparing((Entry entry) -> entry.placement().ordinal())
                .thenComparing(entry -> entry.figures().onTime(), Comparator.reverseOrder())
                .thenComparing(entry -> entry.figures().averageRating() == null ? 0 : entry.figures().averageRating(),
                        Comparator.reverseOrder())
                .thenComparing(entry -> entry.figures().name()));
        return entries;
    }
}
