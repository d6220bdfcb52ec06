package org.gridgov.wish.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.events.MatchingCandidatesComputed;
import org.gridgov.kit.inbox.Delivered;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.data.BulkInsert;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The latest ranked candidates matching-service computed for a wish, for the dispatcher to choose from. */
@Component
public record MatchingCandidates(DatabaseClient db, JsonMapper json) implements EventSubscriber {

    private static final BulkInsert<Ranking> RANKINGS = BulkInsert.<Ranking>into("wish_candidates")
            .column("wish_id", UUID.class, ranking -> ranking.computed().wishId()).column("candidates", String.class, Ranking::candidates)
            .timestamp("computed_at", ranking -> ranking.computed().occurredAt())
            .then("""
                    on conflict (wish_id) do update set candidates = excluded.candidates, computed_at = excluded.computed_at
                    where wish_candidates.computed_at <= excluded.computed_at""");

    private record Ranking(MatchingCandidatesComputed computed, String candidates) {
    }

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("matching-candidates")
                .onBatch(MatchingCandidatesComputed.class, this::keep);
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

    /**
     * The newest ranking of each wish wins, whatever order redeliveries come in: a batch's rankings in one
     * statement, the newest of each wish in it.
     */
    private Mono<Void> keep(List<Delivered<MatchingCandidatesComputed>> batch) {
        Map<UUID, MatchingCandidatesComputed> newest = new LinkedHashMap<>();
        batch.forEach(delivered -> newest.merge(delivered.event().wishId(), delivered.event(),
                (kept, later) -> later.occurredAt().isBefore(kept.occurredAt()) ? kept : later));
        return RANKINGS.run(db, newest.values().stream()
                .map(computed -> new Ranking(computed, json.writeValueAsString(computed.candidates()))).toList()).then();
    }
}
