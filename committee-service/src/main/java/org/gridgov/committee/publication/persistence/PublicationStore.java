package org.gridgov.committee.publication.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The computed project lists (read model of matching.events) and which of them were published. */
@Component
public record PublicationStore(DatabaseClient db) {

    public record ListVersion(UUID id, UUID communityId, int year, int version) {
    }

    /** One need of a list: assigned to a unit, or left unmatched ({@code unitId} null); category null when the need is not known here yet. */
    public record ListedNeed(UUID needId, UUID unitId, String category, String title) {
    }

    public record Publication(UUID projectListId, UUID communityId, int year, int version, int offered, int opened,
                              int superseded, String publishedBy, Instant publishedAt) {
    }

    public Mono<ListVersion> findList(UUID id) {
        return db.sql("select id, community_id, year, version from project_list where id = :id").bind("id", id)
                .map(row -> new ListVersion(row.get("id", UUID.class), row.get("community_id", UUID.class),
                        row.get("year", Integer.class), row.get("version", Integer.class)))
                .one();
    }

    public Mono<List<ListedNeed>> needsOf(UUID listId) {
        return db.sql("""
                        select listed.need_id, listed.unit_id, n.category, n.title
                        from (select (a->>'needId')::uuid as need_id, (a->>'unitId')::uuid as unit_id, o
                              from project_list, jsonb_array_elements(assignments) with ordinality as x(a, o) where id = :id
                              union all
                              select (u->>'needId')::uuid, null, 100000 + o
                              from project_list, jsonb_array_elements(unmatched) with ordinality as y(u, o) where id = :id) listed
                        left join need n on n.id = listed.need_id
                        order by listed.o""")
                .bind("id", listId)
                .map(row -> new ListedNeed(row.get("need_id", UUID.class), row.get("unit_id", UUID.class),
                        row.get("category", String.class), row.get("title", String.class)))
                .all().collectList();
    }

    /** Holds, until the transaction ends, the right to publish the community's lists for the year. */
    public Mono<Void> lock(UUID communityId, int year) {
        return db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "publication:" + communityId + ":" + year)
                .fetch().rowsUpdated().then();
    }

    public Mono<Publication> find(UUID listId) {
        return db.sql("select * from publication where project_list_id = :id").bind("id", listId)
                .map(PublicationStore::publication).one();
    }

    /** The version last published for the community and year; 0 when none was. */
    public Mono<Integer> latestVersion(UUID communityId, int year) {
        return db.sql("select coalesce(max(version), 0) from publication where community_id = :community and year = :year")
                .bind("community", communityId).bind("year", year)
                .map(row -> row.get(0, Integer.class)).one();
    }

    public Mono<Void> insert(Publication publication) {
        return db.sql("""
                        insert into publication (project_list_id, community_id, year, version, offered, opened, superseded,
                                                 published_by, published_at)
                        values (:list, :community, :year, :version, :offered, :opened, :superseded, :by, :at)""")
                .bind("list", publication.projectListId()).bind("community", publication.communityId())
                .bind("year", publication.year()).bind("version", publication.version())
                .bind("offered", publication.offered()).bind("opened", publication.opened())
                .bind("superseded", publication.superseded())
                .bind("by", publication.publishedBy())
                .bind("at", publication.publishedAt().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().then();
    }

    /** Needs of the community's year that a unit has already signed for: a newer list does not offer them again. */
    public Mono<List<UUID>> signedNeeds(UUID communityId, int year) {
        return db.sql("""
                        select distinct unnest(need_ids) from project
                        where community_id = :community and year = :year
                          and status in ('SIGNED', 'COMPLETED', 'REVIEWED_FINAL')""")
                .bind("community", communityId).bind("year", year)
                .map(row -> row.get(0, UUID.class)).all().collectList();
    }

    private static Publication publication(Readable row) {
        return new Publication(row.get("project_list_id", UUID.class), row.get("community_id", UUID.class),
                row.get("year", Integer.class), row.get("version", Integer.class), row.get("offered", Integer.class),
                row.get("opened", Integer.class), row.get("superseded", Integer.class),
                row.get("published_by", String.class), row.get("published_at", OffsetDateTime.class).toInstant());
    }
}
