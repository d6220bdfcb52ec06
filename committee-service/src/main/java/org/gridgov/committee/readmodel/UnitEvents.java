package org.gridgov.committee.readmodel;

import java.util.UUID;

import org.gridgov.contracts.events.UnitJoined;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Keeps the member units of each community's Grand Party Committee from {@code member.events}. */
@Component
record UnitEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("unit-read-model")
                .on(UnitJoined.class, Sql.statement(db, """
                        insert into unit (id, name, community_ids) values (:id, :name, :communities)
                        on conflict (id) do update set name = excluded.name,
                            community_ids = array(select distinct c from unnest(unit.community_ids || excluded.community_ids) c)""",
                        (upsert, joined) -> upsert.bind("id", joined.unitId()).bind("name", joined.name())
                                .bind("communities", joined.communityIds().toArray(UUID[]::new))));
    }
}
