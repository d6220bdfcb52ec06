package org.gridgov.member.points.persistence;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Where the holder of a points account (a party member or a volunteer) is placed. */
@Component
public record HolderStore(DatabaseClient db) {

    /** The holder's community and the node their grid staff serve (the grid, or the community without one). */
    public record Placed(UUID id, UUID communityId, UUID placement, boolean volunteer) {
    }

    public Mono<Placed> find(UUID id) {
        return db.sql("""
                        select id, community_id, coalesce(grid_id, community_id) as placement, false as volunteer
                        from party_member where id = :id
                        union all
                        select id, community_id, community_id, true from volunteer where id = :id""")
                .bind("id", id)
                .map(row -> new Placed(row.get("id", UUID.class), row.get("community_id", UUID.class),
                        row.get("placement", UUID.class), Boolean.TRUE.equals(row.get("volunteer", Boolean.class))))
                .first();
    }
}
