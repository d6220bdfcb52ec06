package org.gridgov.wish.candidates;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The latest ranked candidates matching-service computed for a wish, for the dispatcher to choose from. */
@Component
public class MatchingCandidates implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    MatchingCandidates(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One ranked candidate, best first, with the reasons matching-service gave. */
    public record Candidate(String kind, UUID id, double score, List<String> reasons) {
    }

    public Mono<List<Candidate>> of(UUID wishId) {
        return db.sql("select candidates from wish_candidates where wish_id = :id").bind("id", wishId)
                .map(row -> row.get("candidates", String.class))
                .one()
                .map(this::parse)
                .defaultIfEmpty(List.of());
    }

    private List<Candidate> parse(String candidates) {
        return json.readTree(candidates).valueStream()
                .map(node -> new Candidate(node.get("kind").asString(), UUID.fromString(node.get("id").asString()),
                        node.get("score").asDouble(),
                        node.path("reasons").valueStream().map(JsonNode::asString).toList()))
                .toList();
    }

    @Override
    public String name() {
        return "matching-candidates";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.MATCHING_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (!event.type().equals(EventType.MATCHING_CANDIDATES_COMPUTED.type())) {
            return Mono.empty();
        }
        JsonNode data = json.readTree(event.data());
        Instant computedAt = Instant.parse(data.get("occurredAt").asString());
        return db.sql("""
                        insert into wish_candidates (wish_id, candidates, computed_at) values (:id, :candidates, :at)
                        on conflict (wish_id) do update set candidates = excluded.candidates, computed_at = excluded.computed_at
                        where wish_candidates.computed_at <= excluded.computed_at""")
                .bind("id", UUID.fromString(data.get("wishId").asString()))
                .bind("candidates", json.writeValueAsString(data.get("candidates")))
                .bind("at", Sql.utc(computedAt))
                .fetch().rowsUpdated().then();
    }
}
