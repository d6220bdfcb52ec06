package org.gridgov.wish.wish.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.data.Sql;
import org.gridgov.kit.privacy.PersonalDataCipher;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.wish.wish.domain.Question;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The grid's questions about wishes and the residents' answers (table {@code wish_information}). An
 * answer is sealed like the wish's other personal data, bound to its question.
 */
@Component
public record QuestionStore(DatabaseClient db, PersonalDataCipher cipher) {

    public Mono<Void> ask(UUID wishId, ActorRole askedBy, String question, Instant at) {
        return db.sql("""
                        insert into wish_information (id, wish_id, asked_at, asked_by_role, question)
                        values (:id, :wishId, :at, :role, :question)""")
                .bind("id", UUID.randomUUID()).bind("wishId", wishId).bind("at", Sql.utc(at))
                .bind("role", askedBy.name()).bind("question", question)
                .fetch().rowsUpdated().then();
    }

    /** Answers the wish's open question (the domain has checked that there is one). */
    public Mono<Void> answer(UUID wishId, String answer, Instant at) {
        return db.sql("""
                        select id from wish_information where wish_id = :wishId and answered_at is null
                        order by asked_at desc limit 1""")
                .bind("wishId", wishId)
                .map(row -> row.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no open question for wish " + wishId)))
                .flatMap(id -> db.sql("update wish_information set answered_at = :at, answer = :answer where id = :id")
                        .bind("id", id).bind("at", Sql.utc(at)).bind("answer", cipher.seal(answer, id.toString()))
                        .fetch().rowsUpdated())
                .then();
    }

    /** The wish's questions, oldest first, with the answers opened. */
    public Flux<Question> of(UUID wishId) {
        return db.sql("select * from wish_information where wish_id = :wishId order by asked_at, id")
                .bind("wishId", wishId)
                .map(row -> {
                    UUID id = row.get("id", UUID.class);
                    return new Question(id, Sql.instant(row, "asked_at").orElseThrow(),
                            ActorRole.valueOf(row.get("asked_by_role", String.class)), row.get("question", String.class),
                            Sql.instant(row, "answered_at"),
                            Optional.ofNullable(row.get("answer", String.class)).map(sealed -> cipher.open(sealed, id.toString())));
                })
                .all();
    }
}
