package org.gridgov.committee.readmodel;

import org.gridgov.contracts.events.RedBlackListAnnounced;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps each community's quarterly red/black list (红黑榜) as member-service last announced it
 * ({@code member.events}), for the year-end assessment: a later announcement of a quarter replaces the
 * earlier one's placements, an older one arriving late changes nothing.
 */
@Component
record RedBlackListEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("red-black-list-read-model")
                .on(RedBlackListAnnounced.class, this::announced);
    }

    private Mono<Void> announced(RedBlackListAnnounced announced) {
        Mono<Long> newer = db.sql("""
                        insert into list_announcement (community_id, quarter, announcement_id, announced_at)
                        values (:community, :quarter, :id, :at)
                        on conflict (community_id, quarter) do update set announcement_id = excluded.announcement_id,
                            announced_at = excluded.announced_at
                        where list_announcement.announced_at < excluded.announced_at""")
                .bind("community", announced.communityId()).bind("quarter", announced.quarter())
                .bind("id", announced.announcementId()).bind("at", Sql.utc(announced.occurredAt()))
                .fetch().rowsUpdated();
        return newer.flatMap(rows -> rows == 0 ? Mono.empty() : replacePlacements(announced));
    }

    private Mono<Void> replacePlacements(RedBlackListAnnounced announced) {
        Mono<Long> cleared = db.sql("delete from list_placement where community_id = :community and quarter = :quarter")
                .bind("community", announced.communityId()).bind("quarter", announced.quarter())
                .fetch().rowsUpdated();
        if (announced.entries().isEmpty()) {
            return cleared.then();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < announced.entries().size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:community, :quarter, :unit").append(i).append(", :placement")
                    .append(i).append(", :rule").append(i).append(", :reason").append(i).append(")");
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql("insert into list_placement (community_id, quarter, unit_id, "
                        + "placement, rule, reason) values " + values)
                .bind("community", announced.communityId()).bind("quarter", announced.quarter());
        for (int i = 0; i < announced.entries().size(); i++) {
            RedBlackListAnnounced.Entry entry = announced.entries().get(i);
            insert = insert.bind("unit" + i, entry.unitId()).bind("placement" + i, entry.placement().name())
                    .bind("rule" + i, entry.rule()).bind("reason" + i, entry.reason());
        }
        return cleared.then(insert.fetch().rowsUpdated()).then();
    }
}
