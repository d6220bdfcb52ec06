package org.gridgov.member.ranking;

import java.util.List;
import java.util.UUID;

import org.gridgov.member.ranking.domain.Quarter;
import org.gridgov.member.ranking.domain.RedBlackList;
import org.gridgov.member.ranking.domain.StarRank;
import org.gridgov.member.ranking.persistence.StarRankStore;
import org.gridgov.member.ranking.persistence.UnitRecordStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The public lists: members' star rank and units' quarterly red/black list, each with its figures and rules. */
@Service
public class Rankings {

    private final StarRankStore stars;
    private final UnitRecordStore unitRecord;

    Rankings(StarRankStore stars, UnitRecordStore unitRecord) {
        this.stars = stars;
        this.unitRecord = unitRecord;
    }

    public Mono<List<StarRank.Entry>> stars(UUID communityId, int year) {
        return stars.figures(communityId, year).collectList().map(StarRank::rank);
    }

    public Mono<List<RedBlackList.Entry>> redBlackList(UUID communityId, Quarter quarter) {
        return unitRecord.figures(communityId, quarter).collectList().map(RedBlackList::place);
    }
}
