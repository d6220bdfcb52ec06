package org.gridgov.member.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.RedBlackListAnnounced;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.member.access.Access;
import org.gridgov.member.ranking.domain.Quarter;
import org.gridgov.member.ranking.domain.RedBlackList;
import org.gridgov.member.ranking.domain.StarRank;
import org.gridgov.member.ranking.persistence.StarRankStore;
import org.gridgov.member.ranking.persistence.UnitRecordStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The public lists: members' star rank and units' quarterly red/black list, each with its figures and rules. */
@Service
public record Rankings(StarRankStore stars, UnitRecordStore unitRecord, Access access, GridTree gridTree,
                       Outbox outbox, Clock clock) {

    /** The list of a quarter as announced (红黑榜通报): the placements of this moment, and when. */
    public record Announcement(UUID announcementId, Instant announcedAt, List<RedBlackList.Entry> entries) {
    }

    /**
     * An admin of the community announces a quarter's red/black list as it stands (the quarter's joint meeting,
     * usually at its end; announcing again replaces the earlier announcement): each unit's placement and its rule
     * go out as {@code org.gridgov.redblacklist.announced.v1}, for the year-end assessment. A quarter not begun is a 400,
     * a node that is not a community a 404.
     */
    public Mono<Announcement> announce(UUID communityId, Quarter quarter, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (quarter.start().isAfter(now)) {
            return Mono.error(Refusal.invalidField("quarter", "The quarter " + quarter + " has not begun."));
        }
        return access.requireAdminOver(caller, communityId)
                .then(gridTree.find(communityId).filter(node -> "COMMUNITY".equals(node.kind()))
                        .switchIfEmpty(Mono.error(() -> Refusal.notFound("community", communityId))))
                .then(redBlackList(communityId, quarter))
                .flatMap(entries -> {
                    Announcement announcement = new Announcement(UUID.randomUUID(), now, entries);
                    return outbox.append(new RedBlackListAnnounced(announcement.announcementId(), communityId,
                                    quarter.toString(), entries.stream().map(entry -> new RedBlackListAnnounced.Entry(
                                            entry.figures().unitId(),
                                            RedBlackListAnnounced.Placement.valueOf(entry.placement().name()),
                                            entry.rule().code(), entry.rule().text())).toList(), now))
                            .thenReturn(announcement);
                });
    }

    public Mono<List<StarRank.Entry>> stars(UUID communityId, int year) {
        return stars.figures(communityId, year).collectList().map(StarRank::rank);
    }

    public Mono<List<RedBlackList.Entry>> redBlackList(UUID communityId, Quarter quarter) {
        return unitRecord.figures(communityId, quarter).collectList().map(RedBlackList::place);
    }
}
