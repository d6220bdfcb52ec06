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

    @Test
    void a_batch_handler_gets_each_run_of_its_type_as_one_list_in_order_with_each_events_correlation() {
        List<String> calls = new ArrayList<>();
        TypedEventHandler batching = TypedEventHandler.named("candidates")
                .onBatch(WishSubmitted.class, run -> Mono.fromRunnable(() -> calls.add("wishes " + run.stream()
                        .map(delivered -> delivered.event().wishId().toString().substring(0, 1) + "@"
                                + delivered.correlationId()).toList())))
                .on(MemberRegistered.class, registered -> Mono.fromRunnable(() -> calls.add("member")));

        StepVerifier.create(batching.handleAll(List.of(
                        wishSubmitted("1", "order-1"), wishSubmitted("2", null),
                        event("org.gridgov.member.registered.v1", memberRegistered()),
                        event("org.gridgov.unit.joined.v1", "{}"),
                        wishSubmitted("3", "order-3"))))
                .verifyComplete();

        assertThat(calls).containsExactly("wishes [1@order-1, 2@" + events.get(1).id() + "]", "member", "wishes [3@order-3]");
    }

    @Test
    void one_unreadable_event_makes_its_whole_run_poison_and_nothing_of_it_is_applied() {
        List<Object> runs = new ArrayList<>();
        TypedEventHandler batching = TypedEventHandler.named("candidates")
                .onBatch(WishSubmitted.class, run -> Mono.fromRunnable(() -> runs.add(run)));

        StepVerifier.create(batching.handleAll(List.of(wishSubmitted("1", null),
                        event("org.gridgov.wish.submitted.v1", "{\"wishId\":\"not-a-uuid\"}"))))
                .expectError(PoisonEventException.class)
                .verify();
        assertThat(runs).isEmpty();
    }

    private final List<CloudEvent> events = new ArrayList<>();

    private CloudEvent wishSubmitted(String idDigit, String correlation) {
        String wishId = idDigit.repeat(8) + "-1111-4111-8111-111111111111";
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "org.gridgov.wish.submitted.v1", "wish-service",
                wishId, Instant.now(), Optional.ofNullable(correlation), """
                {"wishId":"%s","category":"ELDERLY_CARE","communityId":"%s","gridId":"%s","microGridId":"%s",
                 "occurredAt":"2026-03-14T09:30:00Z"}""".formatted(wishId, COMMUNITY, COMMUNITY, COMMUNITY));
        events.add(event);
        return event;
    }

    private static String memberRegistered() {
        return """
                {"memberId":"%s","kind":"RESIDENT","communityId":"%s","occurredAt":"2026-03-14T09:30:00Z"}"""
                .formatted(MEMBER, COMMUNITY);
    }

    private static CloudEvent event(String type, String data) {
        return new CloudEvent(UUID.randomUUID().toString(), type, "member-service", MEMBER, Instant.now(),
                Optional.empty(), data);
    }
}
