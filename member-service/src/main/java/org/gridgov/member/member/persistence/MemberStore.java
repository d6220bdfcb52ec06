package org.gridgov.member.member.persistence;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.member.member.domain.MemberKind;
import org.gridgov.member.member.domain.PartyMember;
import org.gridgov.kit.data.Sql;
import org.gridgov.member.privacy.PhoneCipher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public record MemberStore(DatabaseClient db, PhoneCipher phones) {

    private static final String COLUMNS = """
            id, name, kind, community_id, grid_id, phone, work_unit, work_unit_id, dual_reported_at, registered_at""";

    /** Inserts the member; emits false when one with this id already exists. */
    public Mono<Boolean> insert(PartyMember member, String registeredBy) {
        return db.sql("""
                        insert into party_member (id, name, kind, community_id, grid_id, phone, registered_at, registered_by)
                        values (:id, :name, :kind, :communityId, :gridId, :phone, :registeredAt, :registeredBy)
                        on conflict (id) do nothing""")
                .bind("id", member.id())
                .bind("name", member.name())
                .bind("kind", member.kind().name())
                .bind("communityId", member.communityId())
                .bind("gridId", Sql.optional(member.gridId(), UUID.class))
                .bind("phone", Sql.optional(phones.seal(member.phone(), member.id().toString()), String.class))
                .bind("registeredAt", Sql.utc(member.registeredAt()))
                .bind("registeredBy", registeredBy)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<PartyMember> find(UUID id) {
        return db.sql("select " + COLUMNS + " from party_member where id = :id").bind("id", id)
                .map(this::member).one();
    }

    public Mono<Void> saveDualReport(PartyMember member) {
        PartyMember.DualReport report = member.dualReport().orElseThrow();
        return db.sql("""
                        update party_member set community_id = :communityId, grid_id = :gridId, work_unit = :workUnit,
                            work_unit_id = :workUnitId, dual_reported_at = :reportedAt
                        where id = :id""")
                .bind("id", member.id())
                .bind("communityId", member.communityId())
                .bind("gridId", Sql.optional(member.gridId(), UUID.class))
                .bind("workUnit", report.workUnit())
                .bind("workUnitId", Sql.optional(report.workUnitId(), UUID.class))
                .bind("reportedAt", Sql.utc(report.reportedAt()))
                .fetch().rowsUpdated().then();
    }

    /** Filters of the member list; absent ones match everything. */
    public record Filter(UUID communityId, Optional<UUID> gridId, Optional<MemberKind> kind,
                         Optional<Boolean> dualReported) {
    }

    /** Members in id order after {@code afterId}, at most {@code limit}. */
    public Flux<PartyMember> list(Filter filter, Optional<UUID> afterId, int limit) {
        return db.sql("select " + COLUMNS + """
                         from party_member
                        where community_id = :communityId
                          and (cast(:gridId as uuid) is null or grid_id = :gridId)
                          and (cast(:kind as text) is null or kind = :kind)
                          and (cast(:dualReported as boolean) is null or (dual_reported_at is not null) = :dualReported)
                          and (cast(:afterId as uuid) is null or id > :afterId)
                        order by id
                        limit :limit""")
                .bind("communityId", filter.communityId())
                .bind("gridId", Sql.optional(filter.gridId(), UUID.class))
                .bind("kind", Sql.optional(filter.kind().map(Enum::name), String.class))
                .bind("dualReported", Sql.optional(filter.dualReported(), Boolean.class))
                .bind("afterId", Sql.optional(afterId, UUID.class))
                .bind("limit", limit)
                .map(this::member).all();
    }

    public Mono<Boolean> exists(UUID id) {
        return db.sql("select 1 from party_member where id = :id").bind("id", id).map(row -> true).one()
                .defaultIfEmpty(false);
    }

    /** The phone is sealed bound to the member's id. */
    private PartyMember member(Readable row) {
        UUID id = row.get("id", UUID.class);
        Optional<String> workUnit = Optional.ofNullable(row.get("work_unit", String.class));
        OffsetDateTime reportedAt = row.get("dual_reported_at", OffsetDateTime.class);
        Optional<PartyMember.DualReport> dualReport = reportedAt == null ? Optional.empty()
                : Optional.of(new PartyMember.DualReport(row.get("community_id", UUID.class), workUnit.orElse(""),
                        Optional.ofNullable(row.get("work_unit_id", UUID.class)), reportedAt.toInstant()));
        return new PartyMember(id, row.get("name", String.class),
                MemberKind.valueOf(row.get("kind", String.class)), row.get("community_id", UUID.class),
                Optional.ofNullable(row.get("grid_id", UUID.class)), Optional.ofNullable(phones.open(row.get("phone", String.class), id.toString())),
                dualReport, row.get("registered_at", OffsetDateTime.class).toInstant());
    }
}
