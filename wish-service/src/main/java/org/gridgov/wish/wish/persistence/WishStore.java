package org.gridgov.wish.wish.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.data.Listing;
import org.gridgov.kit.privacy.PersonalDataCipher;
import org.gridgov.wish.wish.domain.Action;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.Claimer;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.gridgov.wish.wish.domain.EscalationLevel;
import org.gridgov.wish.wish.domain.HistoryEntry;
import org.gridgov.wish.wish.domain.PersonalData;
import org.gridgov.wish.wish.domain.Placement;
import org.gridgov.wish.wish.domain.Submitter;
import org.gridgov.wish.wish.domain.Wish;
import org.gridgov.wish.wish.domain.WishStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wishes and their history in PostgreSQL. The resident's personal data is sealed before it is
 * written and opened only when read back; every update is conditional on the version read
 * (optimistic concurrency), so of two concurrent commands on one wish only the first commits.
 */
@Component
public record WishStore(DatabaseClient db, PersonalDataCipher cipher, JsonMapper json) {

    private static final String SELECT = """
            select w.*, coalesce(s.level, 'GRID') as level, s.step, s.due_at, coalesce(s.breached, false) as breached
            from wish w left join wish_sla s on s.wish_id = w.id""";

    /** A wish as read, with where it lies in the grid tree and the deadline it runs against. */
    public record Stored(Wish wish, List<UUID> areaPath, Optional<String> slaStep, Optional<Instant> dueAt,
                         boolean breached) {
    }

    private record SealedPersonalData(String name, String phone, String address) {
    }

    public Mono<Void> insert(Wish wish, List<UUID> areaPath) {
        Wish.Snapshot w = wish.snapshot();
        PersonalData data = w.personalData();
        String sealed = cipher.seal(json.writeValueAsString(
                new SealedPersonalData(data.name().orElse(null), data.phone(), data.address())), w.id().toString());
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into wish (id, status, version, category, title, description, wanted_by, micro_grid_id,
                            grid_id, community_id, area_path, submitter_id, submitter_role, personal_data,
                            submitted_at, updated_at)
                        values (:id, :status, :version, :category, :title, :description, :wantedBy, :microGrid,
                            :grid, :community, :areaPath, :submitterId, :submitterRole, :personalData,
                            :submittedAt, :submittedAt)""")
                .bind("id", w.id())
                .bind("status", w.status().name())
                .bind("version", w.version())
                .bind("category", w.category().name())
                .bind("title", w.title())
                .bind("microGrid", w.placement().microGridId())
                .bind("grid", w.placement().gridId())
                .bind("community", w.placement().communityId())
                .bind("areaPath", areaPath.toArray(UUID[]::new))
                .bind("submitterId", w.submitter().id())
                .bind("submitterRole", w.submitter().role().name())
                .bind("personalData", sealed)
                .bind("submittedAt", Sql.utc(w.submittedAt()));
        insert = Sql.bind(insert, "description", w.description(), String.class);
        insert = Sql.bind(insert, "wantedBy", w.wantedBy().map(Sql::utc), OffsetDateTime.class);
        return insert.fetch().rowsUpdated().then();
    }

    public Mono<Stored> find(UUID id) {
        return db.sql(SELECT + " where w.id = :id").bind("id", id).map(this::stored).one();
    }

    public Mono<List<Stored>> list(Listing listing, Optional<Cursor.TimeAndId> after, int limit) {
        return listing.page(db, after, limit).map(this::stored).all().collectList();
    }

    public Mono<List<Stored>> slice(Listing listing, long offset, int limit) {
        return listing.slice(db, offset, limit).map(this::stored).all().collectList();
    }

    public static Listing listing() {
        return new Listing(SELECT, "w.submitted_at", "w.id");
    }

    /** Writes the wish after a command; false when someone else changed it since {@code expectedVersion}. */
    public Mono<Boolean> update(Wish after, long expectedVersion, Instant at) {
        Wish.Snapshot w = after.snapshot();
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        update wish set status = :status, version = :version, claimer_kind = :claimerKind,
                            claimer_id = :claimerId, candidate_units = :candidates, served_member_ids = :served,
                            rating = :rating, rating_comment = :ratingComment, evidence_url = :evidenceUrl, dispatched_at = :dispatchedAt,
                            claimed_at = :claimedAt, fulfilled_at = :fulfilledAt, closed_at = :closedAt,
                            ended_at = :endedAt, reopened = :reopened, urged = :urged, last_urged_at = :lastUrgedAt,
                            awaiting_from = :awaitingFrom, updated_at = :at
                        where id = :id and version = :expected""")
                .bind("id", w.id())
                .bind("expected", expectedVersion)
                .bind("status", w.status().name())
                .bind("version", w.version())
                .bind("candidates", w.candidateUnits().toArray(UUID[]::new))
                .bind("served", w.servedMemberIds().toArray(UUID[]::new))
                .bind("reopened", w.followup().reopened())
                .bind("urged", w.followup().urged())
                .bind("at", Sql.utc(at));
        update = Sql.bind(update, "lastUrgedAt", w.followup().lastUrgedAt().map(Sql::utc), OffsetDateTime.class);
        update = Sql.bind(update, "awaitingFrom", w.followup().awaitingFrom().map(Enum::name), String.class);
        update = Sql.bind(update, "claimerKind", w.claimer().map(c -> c.kind().name()), String.class);
        update = Sql.bind(update, "claimerId", w.claimer().map(Claimer::id), UUID.class);
        update = Sql.bind(update, "rating", w.rating(), Integer.class);
        update = Sql.bind(update, "ratingComment", w.ratingComment(), String.class);
        update = Sql.bind(update, "evidenceUrl", w.evidenceUrl(), String.class);
        update = Sql.bind(update, "dispatchedAt", w.dispatchedAt().map(Sql::utc), OffsetDateTime.class);
        update = Sql.bind(update, "claimedAt", w.claimedAt().map(Sql::utc), OffsetDateTime.class);
        update = Sql.bind(update, "fulfilledAt", w.fulfilledAt().map(Sql::utc), OffsetDateTime.class);
        update = Sql.bind(update, "closedAt", w.closedAt().map(Sql::utc), OffsetDateTime.class);
        update = Sql.bind(update, "endedAt", w.endedAt().map(Sql::utc), OffsetDateTime.class);
        return update.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Void> append(UUID wishId, HistoryEntry entry) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into wish_history (wish_id, at, action, from_status, to_status, actor_id, actor_role, reason, level)
                        values (:wishId, :at, :action, :from, :to, :actorId, :actorRole, :reason, :level)""")
                .bind("wishId", wishId)
                .bind("at", Sql.utc(entry.at()))
                .bind("action", entry.action().name())
                .bind("to", entry.to().name())
                .bind("actorId", entry.actorId())
                .bind("actorRole", entry.actorRole().name());
        insert = Sql.bind(insert, "from", entry.from().map(Enum::name), String.class);
        insert = Sql.bind(insert, "reason", entry.reason(), String.class);
        insert = Sql.bind(insert, "level", entry.level().map(Enum::name), String.class);
        return insert.fetch().rowsUpdated().then();
    }

    /** Keeps a reopening with the claimer whose claim it ended, for that claimer's record (KPIs). */
    public Mono<Void> reopened(UUID wishId, Optional<Claimer> previousClaimer, Instant at) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into wish_reopening (wish_id, at, claimer_kind, claimer_id)
                        values (:wishId, :at, :kind, :claimer)""")
                .bind("wishId", wishId)
                .bind("at", Sql.utc(at));
        insert = Sql.bind(insert, "kind", previousClaimer.map(c -> c.kind().name()), String.class);
        insert = Sql.bind(insert, "claimer", previousClaimer.map(Claimer::id), UUID.class);
        return insert.fetch().rowsUpdated().then();
    }

    public Flux<HistoryEntry> history(UUID wishId) {
        return db.sql("select * from wish_history where wish_id = :id order by id").bind("id", wishId)
                .map(WishStore::historyEntry)
                .all();
    }

    /** The histories of several wishes in one query, each oldest first. */
    public Mono<Map<UUID, List<HistoryEntry>>> histories(Collection<UUID> wishIds) {
        return db.sql("select * from wish_history where wish_id = any(:ids) order by id")
                .bind("ids", wishIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("wish_id", UUID.class), historyEntry(row)))
                .all()
                .collect(() -> (Map<UUID, List<HistoryEntry>>) new LinkedHashMap<UUID, List<HistoryEntry>>(), (map, entry) ->
                        map.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
    }

    private static HistoryEntry historyEntry(Readable row) {
        return new HistoryEntry(Action.valueOf(row.get("action", String.class)),
                Optional.ofNullable(row.get("from_status", String.class)).map(WishStatus::valueOf),
                WishStatus.valueOf(row.get("to_status", String.class)),
                row.get("actor_id", String.class),
                ActorRole.valueOf(row.get("actor_role", String.class)),
                Sql.instant(row, "at").orElseThrow(),
                Optional.ofNullable(row.get("reason", String.class)),
                Optional.ofNullable(row.get("level", String.class)).map(EscalationLevel::valueOf));
    }

    private Stored stored(Readable row) {
        UUID id = row.get("id", UUID.class);
        SealedPersonalData data = json.readValue(cipher.open(row.get("personal_data", String.class), id.toString()),
                SealedPersonalData.class);
        String claimerKind = row.get("claimer_kind", String.class);
        Wish wish = Wish.restore(new Wish.Snapshot(id,
                WishStatus.valueOf(row.get("status", String.class)),
                row.get("version", Long.class),
                Category.valueOf(row.get("category", String.class)),
                row.get("title", String.class),
                Optional.ofNullable(row.get("description", String.class)),
                Sql.instant(row, "wanted_by"),
                new Placement(row.get("micro_grid_id", UUID.class), row.get("grid_id", UUID.class),
                        row.get("community_id", UUID.class)),
                new Submitter(row.get("submitter_id", String.class),
                        ActorRole.valueOf(row.get("submitter_role", String.class))),
                new PersonalData(Optional.ofNullable(data.name()), data.phone(), data.address()),
                claimerKind == null ? Optional.empty()
                        : Optional.of(new Claimer(ClaimerKind.valueOf(claimerKind), row.get("claimer_id", UUID.class))),
                Sql.uuids(row, "candidate_units"),
                Sql.uuids(row, "served_member_ids"),
                Optional.ofNullable(row.get("rating", Integer.class)),
                Optional.ofNullable(row.get("rating_comment", String.class)),
                Optional.ofNullable(row.get("evidence_url", String.class)),
                EscalationLevel.valueOf(row.get("level", String.class)),
                Sql.instant(row, "submitted_at").orElseThrow(),
                Sql.instant(row, "dispatched_at"),
                Sql.instant(row, "claimed_at"),
                Sql.instant(row, "fulfilled_at"),
                Sql.instant(row, "closed_at"),
                Sql.instant(row, "ended_at"),
                new Wish.Followup(row.get("reopened", Integer.class), row.get("urged", Integer.class),
                        Sql.instant(row, "last_urged_at"),
                        Optional.ofNullable(row.get("awaiting_from", String.class)).map(WishStatus::valueOf))));
        return new Stored(wish, Sql.uuids(row, "area_path"), Optional.ofNullable(row.get("step", String.class)),
                Sql.instant(row, "due_at"), Boolean.TRUE.equals(row.get("breached", Boolean.class)));
    }
}
