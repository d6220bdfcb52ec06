package org.gridgov.kit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Rows inserted with one unnest statement, against a real PostgreSQL: every type, nulls, order and conflicts. */
class BulkInsertIT extends ServiceIntegrationTest {

    record Visit(UUID id, String note, Integer people, Long cost, Double score, Boolean urgent, LocalDate day,
                 Instant at, String details, List<UUID> area) {
    }

    private static final BulkInsert<Visit> VISITS = BulkInsert.<Visit>into("bulk_visit")
            .column("id", UUID.class, Visit::id).column("note", String.class, Visit::note).column("people", Integer.class, Visit::people).column("cost", Long.class, Visit::cost)
            .column("score", Double.class, Visit::score).column("urgent", Boolean.class, Visit::urgent).column("day", LocalDate.class, Visit::day)
            .timestamp("at", Visit::at).json("details", Visit::details).uuids("area", Visit::area)
            .then("on conflict (id) do nothing");

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void table() {
        db.sql("drop table if exists bulk_visit").then().block();
        db.sql("""
                create table bulk_visit (id uuid primary key, note text, people int, cost bigint, score float8,
                    urgent boolean, day date, at timestamptz, details jsonb, area uuid[])""").then().block();
    }

    @Test
    void every_column_type_and_null_arrives_as_given() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-07T08:30:00.123456Z");
        Visit full = new Visit(a, "楼道灯坏了", 3, 12_000_000_000L, 0.75, true, LocalDate.of(2026, 12, 7), at,
                "{\"kind\": \"REPAIRS\"}", List.of(a, b));
        Visit empty = new Visit(b, null, null, null, null, null, null, null, null, null);

        assertThat(VISITS.run(db, List.of(full, empty)).block()).isEqualTo(2);

        Map<String, Object> row = db.sql("select note, people, cost, score, urgent, day, at, details->>'kind' as kind,"
                + " area from bulk_visit where id = :id").bind("id", a).fetch().one().block();
        assertThat(row).containsEntry("note", "楼道灯坏了").containsEntry("people", 3)
                .containsEntry("cost", 12_000_000_000L).containsEntry("score", 0.75).containsEntry("urgent", true)
                .containsEntry("day", LocalDate.of(2026, 12, 7)).containsEntry("kind", "REPAIRS");
        assertThat(((OffsetDateTime) row.get("at")).toInstant()).isEqualTo(at);
        assertThat((UUID[]) row.get("area")).containsExactly(a, b);
        Long nulls = db.sql("select count(*) from bulk_visit where id = :id and note is null and people is null"
                        + " and cost is null and score is null and urgent is null and day is null and at is null"
                        + " and details is null and area is null")
                .bind("id", b).map(r -> r.get(0, Long.class)).one().block();
        assertThat(nulls).isEqualTo(1);
    }

    @Test
    void the_first_of_two_rows_for_one_key_wins_and_a_repeat_writes_nothing() {
        UUID id = UUID.randomUUID();
        List<Visit> rows = List.of(visit(id, "first"), visit(id, "second"));

        assertThat(VISITS.run(db, rows).block()).isEqualTo(1);
        assertThat(VISITS.run(db, rows).block()).isZero();

        assertThat(db.sql("select note from bulk_visit").map(r -> r.get(0, String.class)).all().collectList().block())
                .containsExactly("first");
    }

    @Test
    void thousands_of_rows_go_in_one_statement_and_no_rows_in_none() {
        List<Visit> many = new ArrayList<>();
        IntStream.range(0, 40_000).forEach(i -> many.add(visit(UUID.randomUUID(), "visit " + i)));

        assertThat(VISITS.run(db, many).block()).isEqualTo(40_000);
        assertThat(VISITS.run(db, List.of()).block()).isZero();
        assertThat(VISITS.sql()).startsWith("insert into bulk_visit (id, note,").contains("unnest(:c0::uuid[]")
                .doesNotContain("values");
    }

    @Test
    void a_table_of_value_rows_takes_the_same_path() {
        Sql.Table table = new Sql.Table("bulk_visit", List.of("id", "note", "area"),
                List.of(UUID.class, String.class, UUID[].class));
        UUID id = UUID.randomUUID();

        assertThat(Sql.insertRows(db, table, List.<Object[]>of(new Object[] {id, "rows", new UUID[] {id}})).block())
                .isEqualTo(1);
        assertThat((UUID[]) db.sql("select area from bulk_visit where note = 'rows'").fetch().one().block().get("area"))
                .containsExactly(id);
    }

    private static Visit visit(UUID id, String note) {
        return new Visit(id, note, 1, 1L, 1.0, false, LocalDate.of(2026, 1, 1), Instant.EPOCH, "{}", List.of());
    }
}
