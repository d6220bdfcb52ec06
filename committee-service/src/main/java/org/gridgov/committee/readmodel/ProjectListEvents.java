package org.gridgov.committee.readmodel;

import java.util.List;

import org.gridgov.contracts.events.MatchingProjectListComputed;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the computed versions of each community's project list from {@code matching.events}, for an
 * admin to publish one. (A street's list is not published here yet: its needs span communities.)
 */
@Component
record ProjectListEvents(DatabaseClient db, JsonMapper json) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("project-list-read-model")
                .on(MatchingProjectListComputed.class, Sql.statement(db, """
                        insert into project_list (id, community_id, year, version, assignments, unmatched, computed_at)
                        values (:id, :community, :year, :version, cast(:assignments as jsonb), cast(:unmatched as jsonb), :at)
                        on conflict (id) do nothing""", (insert, list) -> insert
                        .bind("id", list.projectListId())
                        .bind("community", list.communityId())
                        .bind("year", list.year())
                        .bind("version", list.version())
                        .bind("assignments", json.writeValueAsString(list.assignments() == null ? List.of() : list.assignments()))
                        .bind("unmatched", json.writeValueAsString(list.unmatched() == null ? List.of() : list.unmatched()))
                        .bind("at", Sql.utc(list.occurredAt()))));
    }
}
