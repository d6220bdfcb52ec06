package org.gridgov.committee.readmodel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the computed versions of each community's project list from {@code matching.events}, for an
 * admin to publish one. (A street's list is not published here yet: its needs span communities.)
 */
@Component
class ProjectListEvents implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    ProjectListEvents(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String name() {
        return "project-list-read-model";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.MATCHING_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (!EventType.MATCHING_PROJECT_LIST_COMPUTED.type().equals(event.type())) {
            return Mono.empty();
        }
        JsonNode data = json.readTree(event.data());
        return db.sql("""
                        insert into project_list (id, community_id, year, version, assignments, unmatched, computed_at)
                        values (:id, :community, :year, :version, cast(:assignments as jsonb), cast(:unmatched as jsonb), :at)
                        on conflict (id) do nothing""")
                .bind("id", UUID.fromString(data.path("projectListId").asString()))
                .bind("community", UUID.fromString(data.path("communityId").asString()))
                .bind("year", data.path("year").asInt())
                .bind("version", data.path("version").asInt())
                .bind("assignments", arrayOf(data, "assignments"))
                .bind("unmatched", arrayOf(data, "unmatched"))
                .bind("at", Instant.parse(data.path("occurredAt").asString()).atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().then();
    }

    // both lists are optional in the schema: an absent one is empty
    private String arrayOf(JsonNode data, String field) {
        return data.path(field).isArray() ? json.writeValueAsString(data.get(field)) : "[]";
    }
}
