package org.gridgov.grid.readmodel;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The party members member-service has announced, as far as this service has heard (its {@link PartyMemberPlaces}). */
@Component
public record PartyMembers(DatabaseClient db) {

    public Mono<Boolean> isKnown(UUID memberId) {
        return db.sql("select 1 from party_member_place where member_id = :member limit 1").bind("member", memberId)
                .fetch().first().hasElement();
    }

    /** Which of these members are known. */
    public Mono<Set<UUID>> known(Set<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("select distinct member_id from party_member_place where member_id = any(:members)")
                .bind("members", memberIds.toArray(UUID[]::new))
                .map(row -> row.get(0, UUID.class)).all().collect(Collectors.toSet());
    }
}
