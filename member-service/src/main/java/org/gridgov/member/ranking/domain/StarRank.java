package org.gridgov.member.ranking.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The star rank (星级排行榜) of a community's party members for a year: stars from the points they
 * earned and the service hours approved, then a place in the list. Redeeming points does not lower
 * a member's rank; what counts is what they earned.
 */
public final class StarRank {

    /** A star level and what it takes: both the points and the hours. */
    public record Level(int stars, long points, BigDecimal hours) {
        public String rule() {
            return stars + "★: at least " + points + " points earned and " + hours.stripTrailingZeros().toPlainString()
                    + " service hours this year";
        }
    }

    /** Highest first. Meeting one threshold but not the other gives the lower level. */
    public static final List<Level> LEVELS = List.of(
            new Level(5, 200, BigDecimal.valueOf(40)),
            new Level(4, 120, BigDecimal.valueOf(24)),
            new Level(3, 60, BigDecimal.valueOf(12)),
            new Level(2, 20, BigDecimal.valueOf(4)),
            new Level(1, 1, BigDecimal.ONE));

    public static final String NO_STAR_RULE = "0★: less than 1 point earned or 1 service hour this year";

    private StarRank() {
    }

    /** What the rank is computed from. */
    public record Figures(UUID memberId, String name, long pointsEarned, BigDecimal serviceHours, long wishesServed) {
    }

    /** A member's place: ties in points and hours share a place, the next place skips accordingly (1, 2, 2, 4). */
    public record Entry(int place, int stars, String rule, Figures figures) {
    }

    public static List<Entry> rank(List<Figures> members) {
        List<Figures> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparingLong(Figures::pointsEarned).reversed()
                .thenComparing(Figures::serviceHours, Comparator.reverseOrder())
                .thenComparing(Figures::name)
                .thenComparing(Figures::memberId));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Figures figures = ordered.get(i);
            int place = i > 0 && tied(ordered.get(i - 1), figures) ? entries.get(i - 1).place() : i + 1;
            Level level = levelOf(figures);
            entries.add(new Entry(place, level == null ? 0 : level.stars(), level == null ? NO_STAR_RULE : level.rule(),
                    figures));
        }
        return entries;
    }

    static Level levelOf(Figures figures) {
        return LEVELS.stream()
                .filter(level -> figures.pointsEarned() >= level.points()
                        && figures.serviceHours().compareTo(level.hours()) >= 0)
                .findFirst().orElse(null);
    }

    private static boolean tied(Figures a, Figures b) {
        return a.pointsEarned() == b.pointsEarned() && a.serviceHours().compareTo(b.serviceHours()) == 0;
    }
}
