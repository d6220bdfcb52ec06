package org.gridgov.fieldwork.care.persistence;

import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.care.domain.CareContact;
import org.gridgov.fieldwork.care.domain.CareGroup;
import org.gridgov.fieldwork.care.domain.CareRecipient;
import org.gridgov.fieldwork.care.domain.CareWish;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.privacy.PersonalDataCipher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Care recipients and their contacts; the groups and the notes are sealed before they reach the database. */
@Component
public record CareStore(DatabaseClient db, PersonalDataCipher cipher) {

    /** false when the household is in care already. */
    public Mono<Boolean> insert(CareRecipient r) {
        String groups = r.groups().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return db.sql("""
                        insert into care_recipient (id, household_id, micro_grid_id, community_id, groups_sealed, carers,
                                                    registered_by, registered_at, visit_due_at, missed_in_a_row)
                        values (:id, :household, :microGrid, :community, :groups, :carers, :by, :at, :due, 0)
                        on conflict (household_id) do nothing""")
                .bind("id", r.id()).bind("household", r.householdId()).bind("microGrid", r.microGridId())
                .bind("community", r.communityId()).bind("groups", cipher.seal(groups, bound(r.id())))
                .bind("carers", r.carers().toArray(String[]::new)).bind("by", r.registeredBy())
                .bind("at", utc(r.registeredAt())).bind("due", utc(r.visitDueAt()))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The yearly wish a contact raised; ids, the category and the title (none of them sensitive). */
    public Mono<Void> insertWish(CareWish w) {
        return db.sql("""
                        insert into care_wish (contact_id, recipient_id, wish_id, category, title, raised_at, status, status_at)
                        values (:contact, :recipient, :wish, :category, :title, :raised, :status, :statusAt)""")
                .bind("contact", w.contactId()).bind("recipient", w.recipientId()).bind("wish", w.wishId())
                .bind("category", w.category().name()).bind("title", w.title()).bind("raised", utc(w.raisedAt()))
                .bind("status", w.status()).bind("statusAt", utc(w.statusAt()))
                .fetch().rowsUpdated().then();
    }

    /** The recipient's yearly wishes, newest first. */
    public Flux<CareWish> wishesOf(UUID recipientId) {
        return db.sql("select * from care_wish where recipient_id = :id order by raised_at desc")
                .bind("id", recipientId)
                .map(row -> new CareWish(row.get("contact_id", UUID.class), row.get("recipient_id", UUID.class),
                        row.get("wish_id", UUID.class), Category.valueOf(row.get("category", String.class)),
                        row.get("title", String.class), Sql.instant(row, "raised_at").orElseThrow(),
                        row.get("status", String.class), Sql.instant(row, "status_at").orElseThrow()))
                .all();
    }

    /**
     * What wish-service last announced of a wish ordered from a yearly wish: the newest announcement wins, whatever
     * order redeliveries come in; other wishes are not ours and change nothing.
     */
    public Mono<Void> wishStatus(UUID wishId, String status, Instant at) {
        return db.sql("update care_wish set status = :status, status_at = :at where wish_id = :wish and status_at <= :at")
                .bind("wish", wishId).bind("status", status).bind("at", utc(at))
                .fetch().rowsUpdated().then();
    }

    /** The timer's columns, if nobody changed the recipient meanwhile. */
    public Mono<Boolean> updateTimer(CareRecipient r) {
        return db.sql("""
                        update care_recipient set visit_due_at = :due, missed_in_a_row = :missed, version = version + 1
                        where id = :id and version = :version""")
                .bind("id", r.id()).bind("due", utc(r.visitDueAt())).bind("missed", r.missedInARow())
                .bind("version", r.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<CareRecipient> find(UUID id) {
        return db.sql("select * from care_recipient where id = :id").bind("id", id).map(this::recipient).one();
    }

    public Mono<CareRecipient> lock(UUID id) {
        return db.sql("select * from care_recipient where id = :id for update").bind("id", id).map(this::recipient).one();
    }

    /** Recipients in a micro-grid below the node (or the node itself). */
    public Flux<CareRecipient> under(UUID node, int limit) {
        return db.sql("""
                        select r.* from care_recipient r join kit_grid_node n on n.id = r.micro_grid_id
                        where n.id = :node or :node = any(n.path) order by r.registered_at, r.id limit :limit""")
                .bind("node", node).bind("limit", limit).map(this::recipient).all();
    }

    /** The recipients one of whose carers is among {@code ids}. */
    public Flux<CareRecipient> caredForBy(List<String> ids, int limit) {
        return db.sql("select * from care_recipient where carers && :ids order by registered_at, id limit :limit")
                .bind("ids", ids.toArray(String[]::new)).bind("limit", limit).map(this::recipient).all();
    }

    /** Recipients whose weekly home visit is due, locked for this transaction; others' locks are skipped. */
    public Flux<CareRecipient> lockDue(Instant now, int limit) {
        return db.sql("""
                        select * from care_recipient where visit_due_at <= :now
                        order by visit_due_at limit :limit for update skip locked""")
                .bind("now", utc(now)).bind("limit", limit).map(this::recipient).all();
    }

    public Mono<Void> insert(CareContact c) {
        return db.sql("""
                        insert into care_contact (id, recipient_id, kind, carer, note_sealed, at)
                        values (:id, :recipient, :kind, :carer, :note, :at)""")
                .bind("id", c.id()).bind("recipient", c.recipientId()).bind("kind", c.kind().name())
                .bind("carer", c.carer()).bind("note", cipher.seal(c.note(), bound(c.id()))).bind("at", utc(c.at()))
                .fetch().rowsUpdated().then();
    }

    /** The recipient's contacts in [from, to), newest first, notes opened. */
    public Flux<CareContact> contacts(UUID recipient, Instant from, Instant to, int limit) {
        return db.sql("""
                        select * from care_contact where recipient_id = :recipient and at >= :from and at < :to
                        order by at desc, id limit :limit""")
                .bind("recipient", recipient).bind("from", utc(from)).bind("to", utc(to)).bind("limit", limit)
                .map(row -> contact(row, true)).all();
    }

    /** Contacts of the recipients below the node in [from, to), without their notes (the coverage needs none). */
    public Flux<CareContact> contactsUnder(UUID node, Instant from, Instant to) {
        return db.sql("""
                        select c.id, c.recipient_id, c.kind, c.carer, c.at from care_contact c
                        join care_recipient r on r.id = c.recipient_id join kit_grid_node n on n.id = r.micro_grid_id
                        where (n.id = :node or :node = any(n.path)) and c.at >= :from and c.at < :to""")
                .bind("node", node).bind("from", utc(from)).bind("to", utc(to))
                .map(row -> contact(row, false)).all();
    }

    private CareContact contact(Readable row, boolean withNote) {
        UUID id = row.get("id", UUID.class);
        return new CareContact(id, row.get("recipient_id", UUID.class),
                CareContact.Kind.valueOf(row.get("kind", String.class)), row.get("carer", String.class),
                withNote ? cipher.open(row.get("note_sealed", String.class), bound(id)) : null,
                Sql.instant(row, "at").orElseThrow());
    }

    private CareRecipient recipient(Readable row) {
        UUID id = row.get("id", UUID.class);
        Set<CareGroup> groups = EnumSet.noneOf(CareGroup.class);
        Arrays.stream(cipher.open(row.get("groups_sealed", String.class), bound(id)).split(","))
                .map(CareGroup::valueOf).forEach(groups::add);
        return new CareRecipient(id, row.get("household_id", UUID.class), row.get("micro_grid_id", UUID.class),
                row.get("community_id", UUID.class), Set.copyOf(groups), List.of(row.get("carers", String[].class)),
                row.get("registered_by", String.class), Sql.instant(row, "registered_at").orElseThrow(),
                Sql.instant(row, "visit_due_at").orElseThrow(), row.get("missed_in_a_row", Integer.class),
                row.get("version", Long.class));
    }

    private static String bound(UUID id) {
        return id.toString();
    }
}
