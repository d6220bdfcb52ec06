package org.gridgov.matching.candidate.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.matching.readmodel.CommunityUnits;
import org.gridgov.matching.readmodel.CommunityUnits.UnitOffering;
import org.gridgov.matching.readmodel.GridChains;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who the candidates of a community are in a year: its units with what they offer, its party members,
 * and the chains of the grid nodes they serve or live in. Read for every submitted wish but changed a
 * few times a day, so they are kept in memory while {@code candidate_facts_version} (bumped by every
 * change to those read models, on any replica) stays the same.
 */
@Component
public final class CommunityCandidates {

    /** Communities kept; a district has a few hundred, and the busy ones stay. */
    private static final int KEPT = 256;

    public record Member(UUID id, UUID gridId) {
    }

    public record Facts(List<UnitOffering> units, List<Member> members, Map<UUID, List<UUID>> chains) {
    }

    private record Key(UUID communityId, int year) {
    }

    private record Kept(long version, Facts facts) {
    }

    private final DatabaseClient db;
    private final CommunityUnits communityUnits;
    private final Map<Key, Kept> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > KEPT;
        }
    });

    public CommunityCandidates(DatabaseClient db, CommunityUnits communityUnits) {
        this.db = db;
        this.communityUnits = communityUnits;
    }

    /** The community's candidates as the read models hold them now. */
    public Mono<Facts> of(UUID communityId, int year) {
        Key key = new Key(communityId, year);
        // the version is read before the facts: a change committed in between is read again next time
        return version().flatMap(version -> {
            Kept known = kept.get(key);
            if (known != null && known.version() == version) {
                return Mono.just(known.facts());
            }
            return Mono.zip(communityUnits.of(communityId, year), members(communityId), chains(communityId, year))
                    .map(read -> new Facts(read.getT1(), read.getT2(), read.getT3()))
                    .doOnNext(facts -> kept.put(key, new Kept(version, facts)));
        });
    }

    private Mono<Long> version() {
        return db.sql("select version from candidate_facts_version").map(row -> row.get("version", Long.class)).one();
    }

    private Mono<List<Member>> members(UUID communityId) {
        return db.sql("select id, grid_id from party_member where community_ids @> :community")
                .bind("community", new UUID[] {communityId})
                .map(row -> new Member(row.get("id", UUID.class), row.get("grid_id", UUID.class)))
                .all().collectList();
    }

    /**
     * The chains of the areas the community's units offer this year (any of the year's lists), of its
     * members' grids, and of its own grids and micro-grids (where its wishes are).
     */
    private Mono<Map<UUID, List<UUID>>> chains(UUID communityId, int year) {
        // a semi-join: "id = any(array of every area and member grid)" compared each node with each of ~250 ids
        return db.sql("""
                        select id, path from kit_grid_node
                        where id in (select unnest(i.area) from unit u join resource_item i on i.unit_id = u.id
                                     where u.community_ids @> :community and i.period like :year
                                     union select grid_id from party_member where community_ids @> :community
                                     union select g.id from kit_grid_node g where g.parent_id = :communityId
                                     union select m.id from kit_grid_node m join kit_grid_node g on m.parent_id = g.id
                                           where g.parent_id = :communityId)""")
                .bind("community", new UUID[] {communityId})
                .bind("communityId", communityId)
                .bind("year", year + "%")
                .map(row -> GridChains.chain(row.get("path", UUID[].class), row.get("id", UUID.class)))
                .all().collectMap(chain -> chain.get(chain.size() - 1));
    }
}
