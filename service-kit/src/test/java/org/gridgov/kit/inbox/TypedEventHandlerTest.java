package org.gridgov.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.Topic;
import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.contracts.events.UnitJoined;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.PoisonEventException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class TypedEventHandlerTest {

    private static final String MEMBER = "7d1e2c3b-4a59-4f6e-8d7c-6b5a49382716";
    private static final String COMMUNITY = "1c7a7e3f-4d2b-4a8f-8b62-2e3d4c5b6f71";

    private final List<Event> applied = new ArrayList<>();

    private final TypedEventHandler handler = TypedEventHandler.named("community-members")
            .on(MemberRegistered.class, this::remember)
            .on(WishSubmitted.class, this::remember);

    private Mono<Void> remember(Event event) {
        return Mono.fromRunnable(() -> applied.add(event));
    }

    @Test
    void an_event_reaches_the_handler_of_its_type_as_its_record() {
        StepVerifier.create(handler.handle(event("org.gridgov.member.registered.v1", """
                        {"memberId":"%s","kind":"RESIDENT","communityId":"%s","occurredAt":"2026-03-14T09:30:00Z"}"""
                        .formatted(MEMBER, COMMUNITY))))
                .verifyComplete();

        assertThat(applied).containsExactly(new MemberRegistered(UUID.fromString(MEMBER), "RESIDENT",
                UUID.fromString(COMMUNITY), null, Instant.parse("2026-03-14T09:30:00Z")));
    }

    @Test
    void fields_a_newer_producer_added_are_ignored() {
        StepVerifier.create(handler.handle(event("org.gridgov.member.registered.v1", """
                        {"memberId":"%s","kind":"RESIDENT","communityId":"%s","occurredAt":"2026-03-14T09:30:00Z",
                         "honours":["model member"]}""".formatted(MEMBER, COMMUNITY))))
                .verifyComplete();

        assertThat(applied).singleElement().isInstanceOf(MemberRegistered.class);
    }

    @Test
    void events_of_types_without_a_handler_are_skipped() {
        StepVerifier.create(handler.handle(event("org.gridgov.unit.joined.v1", "{}"))).verifyComplete();
        StepVerifier.create(handler.handle(event("org.gridgov.parcel.sent.v7", "{}"))).verifyComplete();

        assertThat(applied).isEmpty();
    }

    @Test
    void it_says_which_types_it_handles_so_the_others_pass_by_without_a_transaction() {
        assertThat(handler.handles("org.gridgov.member.registered.v1")).isTrue();
        assertThat(handler.handles("org.gridgov.wish.submitted.v1")).isTrue();
        assertThat(handler.handles("org.gridgov.unit.joined.v1")).isFalse();
        assertThat(handler.handles("org.gridgov.parcel.sent.v7")).isFalse();
    }

    @Test
    void it_subscribes_to_the_topics_of_the_types_it_handles() {
        assertThat(handler.topics()).containsExactlyInAnyOrder(Topic.MEMBER_EVENTS, Topic.WISH_EVENTS);
        assertThat(handler.name()).isEqualTo("community-members");
    }

    @Test
    void data_that_cannot_be_read_as_the_record_is_poison() {
        StepVerifier.create(handler.handle(event("org.gridgov.member.registered.v1", "{\"memberId\":\"not-a-uuid\"}")))
                .expectError(PoisonEventException.class)
                .verify();
    }

    @Test
    void a_type_handled_twice_is_a_programming_error() {
        assertThatThrownBy(() -> TypedEventHandler.named("twice")
                .on(UnitJoined.class, joined -> Mono.empty())
                .on(UnitJoined.class, joined -> Mono.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("org.gridgov.unit.joined.v1");
    }

    private static CloudEvent event(String type, String data) {
        return new CloudEvent(UUID.randomUUID().toString(), type, "member-service", MEMBER, Instant.now(),
                Optional.empty(), data);
    }
}
