package org.gridgov.committee.readmodel;

import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the needs lists' titles and categories from {@code wish.events}: a project is named after its need. */
@Component
class NeedEvents implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    NeedEvents(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String name() {
        return "need-read-model";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.WISH_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (!EventType.NEED_RECORDED.type().equals(event.type()) && !EventType.NEED_PUBLISHED.type().equals(event.type())) {
            return Mono.empty();
        }
        JsonNode data = json.readTree(event.data());
        return db.sql("""
                        insert into need (id, community_id, category, title) values (:id, :community, :category, :title)
                        on conflict (id) do update set community_id = excluded.community_id, category = excluded.category,
                            title = coalesce(excluded.title, need.title)""")
                .bind("id", UUID.fromString(data.path("needId").asString()))
                .bind("community", UUID.fromString(data.path("communityId").asString()))
                .bind("category", data.path("category").asString())
                .bind("title", Parameter.fromOrEmpty(data.hasNonNull("title") ? data.get("title").asString() : null,
                        String.class))
                .fetch().rowsUpdated().then();
    }
}
