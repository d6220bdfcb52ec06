package org.gridgov.member.ranking.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.ranking.Rankings;
import org.gridgov.member.ranking.domain.Quarter;
import org.gridgov.member.ranking.domain.RedBlackList;
import org.gridgov.member.ranking.domain.StarRank;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public to every signed-in caller, as the boards on a community's wall are (星级排行榜, 红黑榜); the community's
 * admins announce a quarter's red/black list (通报).
 */
@RestController
record RankingController(Rankings rankings, Clock clock, Idempotency idempotency) {

    record StarEntry(int place, UUID memberId, String name, int stars, String rule, long pointsEarned,
                     BigDecimal serviceHours, long wishesServed) {

        static StarEntry of(StarRank.Entry entry) {
            StarRank.Figures figures = entry.figures();
            return new StarEntry(entry.place(), figures.memberId(), figures.name(), entry.stars(), entry.rule(),
                    figures.pointsEarned(), figures.serviceHours(), figures.wishesServed());
        }
    }

    /** The star rank of a year, with the star levels' rules; paged by place. */
    record StarRankView(UUID community, int year, List<String> rules, Page<StarEntry> entries) {
    }

    @GetMapping(path = "/api/rankings/stars", produces = "application/json")
    @Operation(operationId = "getStarRanking", summary = "The star ranking of a community's party members for a year")
    Mono<StarRankView> stars(@RequestParam UUID community, @RequestParam Optional<Integer> year,
                             @RequestParam Optional<String> cursor, @RequestParam Optional<Integer> limit) {
        int size = Page.limit(limit.orElse(null));
        int offset = Cursor.offset(cursor.orElse(null));
        int wantedYear = year.orElse(clock.instant().atZone(ZoneOffset.UTC).getYear());
        if (wantedYear < 2000 || wantedYear > 2100) {
            throw ProblemException.invalid("year must be between 2000 and 2100.");
        }
        List<String> rules = new ArrayList<>(StarRank.LEVELS.stream().map(StarRank.Level::rule).toList());
        rules.add(StarRank.NO_STAR_RULE);
        return rankings.stars(community, wantedYear).map(entries -> {
            List<StarEntry> rest = entries.stream().skip(offset).limit(size + 1L).map(StarEntry::of).toList();
            int next = offset + size;
            return new StarRankView(community, wantedYear, rules, Page.of(rest, size, last -> Cursor.encode(next)));
        });
    }

    record RuleView(String code, RedBlackList.Placement list, String text) {
        static RuleView of(RedBlackList.Rule rule) {
            return new RuleView(rule.code(), rule.placement(), rule.text());
        }
    }

    record UnitFigures(int claims, int released, int closed, int onTime, Double onTimeRate, int ratings,
                       Double averageRating, int unanswered, RedBlackList.Projects projects,
                       RedBlackList.Meetings meetings) {
    }

    record UnitEntry(UUID unitId, String name, RuleView rule, UnitFigures figures) {
        static UnitEntry of(RedBlackList.Entry entry) {
            RedBlackList.Figures f = entry.figures();
            return new UnitEntry(f.unitId(), f.name(), RuleView.of(entry.rule()), new UnitFigures(f.claims(), f.released(),
                    f.closed(), f.onTime(), f.onTimeRate(), f.ratings(), f.averageRating(), f.unanswered(), f.projects(),
                    f.meetings()));
        }
    }

    /** Every member unit of the community on one of the three lists, each entry with the rule that put it there. */
    record RedBlackListView(UUID community, String quarter, List<RuleView> rules, List<UnitEntry> red,
                            List<UnitEntry> black, List<UnitEntry> neither) {
    }

    @GetMapping(path = "/api/units/red-black-list", produces = "application/json")
    @Operation(operationId = "getRedBlackList",
            summary = "The red and black list of a community's member units for a quarter")
    Mono<RedBlackListView> redBlackList(@RequestParam UUID community, @RequestParam Optional<String> quarter) {
        Quarter wanted = quarter.map(Quarter::parse).orElseGet(() -> Quarter.of(clock.instant()));
        return rankings.redBlackList(community, wanted).map(entries -> view(community, wanted, entries));
    }

    record NewAnnouncement(@NotNull UUID communityId,
                           @NotNull @Pattern(regexp = "(20\\d{2}|2100)Q[1-4]", message = "looks like 2026Q3") String quarter) {
    }

    /** The list as announced, with the announcement's id and time. */
    record AnnouncementView(UUID announcementId, Instant announcedAt, RedBlackListView list) {
    }

    @PostMapping(path = "/api/units/red-black-list/announcements", consumes = "application/json",
            produces = "application/json")
    @Operation(operationId = "announceRedBlackList",
            summary = "An admin announces a community's red and black list of a quarter, for the year-end assessment")
    Mono<ResponseEntity<AnnouncementView>> announce(@Valid @RequestBody NewAnnouncement body,
                                                    @AuthenticationPrincipal Caller caller,
                                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Quarter quarter = Quarter.parse(body.quarter());
        return idempotency.created(key, caller, "POST /api/units/red-black-list/announcements " + body,
                AnnouncementView.class, () -> rankings.announce(body.communityId(), quarter, caller)
                        .map(announced -> new AnnouncementView(announced.announcementId(), announced.announcedAt(),
                                view(body.communityId(), quarter, announced.entries()))),
                view -> "/api/units/red-black-list?community=" + body.communityId() + "&quarter=" + quarter);
    }

    private static RedBlackListView view(UUID community, Quarter quarter, List<RedBlackList.Entry> entries) {
        return new RedBlackListView(community, quarter.toString(), RedBlackList.RULES.stream().map(RuleView::of).toList(),
                on(entries, RedBlackList.Placement.RED), on(entries, RedBlackList.Placement.BLACK),
                on(entries, RedBlackList.Placement.NONE));
    }

    private static List<UnitEntry> on(List<RedBlackList.Entry> entries, RedBlackList.Placement placement) {
        return entries.stream().filter(entry -> entry.placement() == placement).map(UnitEntry::of).toList();
    }
}
