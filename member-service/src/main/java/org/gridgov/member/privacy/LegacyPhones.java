package org.gridgov.member.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seals, once, the phones stored in clear before {@code MEMBER_DATA_KEY} existed (party members, unit
 * contacts, volunteers). It runs at every start and finds nothing to do after the first; each row is
 * updated only while still in clear, so two replicas starting together seal it once.
 */
@Component
record LegacyPhones(DatabaseClient db, PhoneCipher phones) {

    private static final Logger log = LoggerFactory.getLogger(LegacyPhones.class);

    @EventListener(ApplicationReadyEvent.class)
    void sealOnStart() {
        Flux.concat(
                        seal("party_member", "id::text"),
                        seal("volunteer", "id::text"),
                        seal("member_unit_contact", "unit_id::text || '/' || position"))
                .reduce(0L, Long::sum)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Sealed {} phone numbers stored in clear before MEMBER_DATA_KEY", count);
                    }
                })
                .subscribe(count -> { }, error -> log.warn("Could not seal the phones stored in clear: {}", error.toString()));
    }

    /**
     * Seals the table's clear phones; {@code binding} is the SQL for a row's binding, the value its store
     * binds the phone to (and a unique key of the row).
     */
    private Mono<Long> seal(String table, String binding) {
        return db.sql("select " + binding + " as binding, phone from " + table
                        + " where phone is not null and phone not like '" + PhoneCipher.SEALED_PREFIX + "%'")
                .map(row -> new String[] {row.get("binding", String.class), row.get("phone", String.class)})
                .all()
                .concatMap(row -> db.sql("update " + table + " set phone = :sealed where " + binding
                                + " = :binding and phone = :clear")
                        .bind("sealed", phones.seal(row[1], row[0])).bind("binding", row[0]).bind("clear", row[1])
                        .fetch().rowsUpdated())
                .reduce(0L, Long::sum);
    }
}
