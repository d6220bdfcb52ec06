package org.gridgov.member.unit.persistence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.member.privacy.PhoneCipher;
import org.gridgov.member.unit.domain.MemberUnit;
import org.gridgov.member.unit.domain.UnitKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public record UnitStore(DatabaseClient db, PhoneCipher phones) {

    /** Inserts the unit with its contacts; emits false when a unit with this id already exists. */
    public Mono<Boolean> insert(MemberUnit unit, String createdBy) {
        return db.sql("""
                        insert into member_unit (id, name, kind, community_ids, joined_at, created_by)
                        values (:id, :name, :kind, :communityIds, :joinedAt, :createdBy)
                        on conflict (id) do nothing""")
                .bind("id", unit.id())
                .bind("name", unit.name())
                .bind("kind", unit.kind().name())
                .bind("communityIds", unit.communityIds().toArray(UUID[]::new))
                .bind("joinedAt", Sql.utc(unit.joinedAt()))
                .bind("createdBy", createdBy)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? insertContacts(unit).thenReturn(true) : Mono.just(false));
    }

    private Mono<Void> insertContacts(MemberUnit unit) {
        if (unit.contacts().isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("insert into member_unit_contact (unit_id, position, name, role, phone) values ");
        for (int i = 0; i < unit.contacts().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:unitId, ").append(i).append(", :name").append(i)
                    .append(", :role").append(i).append(", :phone").append(i).append(")");
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql(sql.toString()).bind("unitId", unit.id());
        for (int i = 0; i < unit.contacts().size(); i++) {
            MemberUnit.Contact contact = unit.contacts().get(i);
            insert = insert.bind("name" + i, contact.name())
                    .bind("role" + i, Sql.nullable(contact.role(), String.class))
                    .bind("phone" + i, Sql.nullable(phones.seal(contact.phone(), unit.id() + "/" + i), String.class));
        }
        return insert.fetch().rowsUpdated().then();
    }

    public Mono<MemberUnit> find(UUID id) {
        return db.sql("select id, name, kind, community_ids, joined_at from member_unit where id = :id").bind("id", id)
                .map(row -> unit(row, List.of())).one()
                .flatMap(unit -> contacts(id).collectList().map(contacts -> new MemberUnit(unit.id(), unit.name(), unit.kind(),
                        unit.communityIds(), contacts, unit.joinedAt())));
    }

    private Flux<MemberUnit.Contact> contacts(UUID unitId) {
        return db.sql("select position, name, role, phone from member_unit_contact where unit_id = :unitId order by position")
                .bind("unitId", unitId)
                .map(row -> new MemberUnit.Contact(row.get("name", String.class), row.get("role", String.class),
                        phones.open(row.get("phone", String.class), unitId + "/" + row.get("position", Integer.class))))
                .all();
    }

    public Mono<Boolean> exists(UUID id) {
        return db.sql("select 1 from member_unit where id = :id").bind("id", id).map(row -> true).one().defaultIfEmpty(false);
    }

    /** Units (without contacts) in (name, id) order after the cursor, of one community or all. */
    public Flux<MemberUnit> list(Optional<UUID> communityId, Optional<String> afterName, Optional<UUID> afterId, int limit) {
        return db.sql("""
                        select id, name, kind, community_ids, joined_at from member_unit
                        where (cast(:communityId as uuid) is null or :communityId = any (community_ids))
                          and (cast(:afterName as text) is null or (name, id) > (:afterName, :afterId))
                        order by name, id
                        limit :limit""")
                .bind("communityId", Sql.optional(communityId, UUID.class))
                .bind("afterName", Sql.optional(afterName, String.class))
                .bind("afterId", Sql.optional(afterId, UUID.class))
                .bind("limit", limit)
                .map(row -> unit(row, List.of())).all();
    }

    private static MemberUnit unit(Readable row, List<MemberUnit.Contact> contacts) {
        UUID[] communities = row.get("community_ids", UUID[].class);
        return new MemberUnit(row.get("id", UUID.class), row.get("name", String.class),
                UnitKind.valueOf(row.get("kind", String.class)), Arrays.asList(communities), contacts,
                row.get("joined_at", OffsetDateTime.class).toInstant());
    }
}
