package org.gridgov.wish.wish.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.wish.wish.domain.Cast.CLIENT;
import static org.gridgov.wish.wish.domain.Cast.COMMUNITY_ADMIN;
import static org.gridgov.wish.wish.domain.Cast.DATA;
import static org.gridgov.wish.wish.domain.Cast.GRID_STAFF;
import static org.gridgov.wish.wish.domain.Cast.MEMBER;
import static org.gridgov.wish.wish.domain.Cast.OTHER_RESIDENT;
import static org.gridgov.wish.wish.domain.Cast.PARTY_MEMBER;
import static org.gridgov.wish.wish.domain.Cast.PLACEMENT;
import static org.gridgov.wish.wish.domain.Cast.RESIDENT;
import static org.gridgov.wish.wish.domain.Cast.STAFF_ELSEWHERE;
import static org.gridgov.wish.wish.domain.Cast.T0;
import static org.gridgov.wish.wish.domain.Cast.UNIT_A;
import static org.gridgov.wish.wish.domain.Cast.UNIT_A_ACTOR;
import static org.gridgov.wish.wish.domain.Cast.UNIT_B;
import static org.gridgov.wish.wish.domain.Cast.UNIT_B_ACTOR;
import static org.gridgov.wish.wish.domain.Cast.UNIT_ELSEWHERE_ACTOR;
import static org.gridgov.wish.wish.domain.Cast.claimedByUnitA;
import static org.gridgov.wish.wish.domain.Cast.dispatched;
import static org.gridgov.wish.wish.domain.Cast.fulfilled;
import static org.gridgov.wish.wish.domain.Cast.submitted;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WishTest {

    private static final Instant LATER = T0.plusSeconds(3600);

    private static void refused(WishRefused.Reason reason, ThrowableAssert.ThrowingCallable command) {
        assertThatThrownBy(command).isInstanceOfSatisfying(WishRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    @Nested
    class Ordering {

        @Test
        void a_resident_orders_a_wish_that_waits_for_the_grid() {
            Wish.Change change = Wish.submit(UUID.randomUUID(), RESIDENT, Cast.order(), PLACEMENT, T0);

            assertThat(change.wish().status()).isEqualTo(WishStatus.SUBMITTED);
            assertThat(change.wish().version()).isEqualTo(1);
            assertThat(change.wish().submitter()).isEqualTo(new Submitter("resident-1", ActorRole.RESIDENT));
            assertThat(change.entry().action()).isEqualTo(Action.SUBMITTED);
            assertThat(change.entry().from()).isEmpty();
            assertThat(change.entry().actorRole()).isEqualTo(ActorRole.RESIDENT);
        }

        @Test
        void grid_staff_order_on_a_residents_behalf_only_inside_their_grid() {
            assertThat(Wish.submit(UUID.randomUUID(), GRID_STAFF, Cast.order(), PLACEMENT, T0).wish().submitter().role())
                    .isEqualTo(ActorRole.GRID_STAFF);
            refused(WishRefused.Reason.NOT_ALLOWED,
                    () -> Wish.submit(UUID.randomUUID(), STAFF_ELSEWHERE, Cast.order(), PLACEMENT, T0));
        }

        @Test
        void a_unit_cannot_order_a_wish() {
            refused(WishRefused.Reason.NOT_ALLOWED,
                    () -> Wish.submit(UUID.randomUUID(), UNIT_A_ACTOR, Cast.order(), PLACEMENT, T0));
        }

        @Test
        void a_wanted_by_date_in_the_past_is_refused() {
            Wish.Order past = new Wish.Order(Category.REPAIRS, "修水管", Optional.empty(), Optional.of(T0.minusSeconds(1)), DATA);
            refused(WishRefused.Reason.INVALID, () -> Wish.submit(UUID.randomUUID(), RESIDENT, past, PLACEMENT, T0));
        }
    }

    @Nested
    class Dispatching {

        @Test
        void the_grid_dispatches_with_candidate_units() {
            Wish.Change change = submitted().dispatch(GRID_STAFF, List.of(UNIT_A, UNIT_A, UNIT_B), Optional.of("急"), LATER);

            assertThat(change.wish().status()).isEqualTo(WishStatus.DISPATCHED);
            assertThat(change.wish().candidateUnits()).containsExactly(UNIT_A, UNIT_B);
            assertThat(change.wish().dispatchedAt()).contains(LATER);
            assertThat(change.entry().from()).contains(WishStatus.SUBMITTED);
            assertThat(change.entry().reason()).contains("急");
        }

        @Test
        void the_resident_cannot_dispatch_their_own_wish() {
            refused(WishRefused.Reason.NOT_ALLOWED, () -> submitted().dispatch(RESIDENT, List.of(), Optional.empty(), LATER));
        }

        @Test
        void staff_of_another_grid_do_not_even_see_the_wish() {
            refused(WishRefused.Reason.NOT_VISIBLE,
                    () -> submitted().dispatch(STAFF_ELSEWHERE, List.of(), Optional.empty(), LATER));
        }

        @Test
        void community_admins_step_in_only_once_the_wish_is_escalated() {
            refused(WishRefused.Reason.NOT_ALLOWED,
                    () -> submitted().dispatch(COMMUNITY_ADMIN, List.of(), Optional.empty(), LATER));

            Wish escalated = Cast.escalated(submitted(), EscalationLevel.COMMUNITY);
            Wish.Change change = escalated.dispatch(COMMUNITY_ADMIN, List.of(), Optional.empty(), LATER);
            assertThat(change.entry().actorRole()).isEqualTo(ActorRole.COMMUNITY_ADMIN);
        }

        @Test
        void a_wish_is_dispatched_once() {
            refused(WishRefused.Reason.WRONG_STATE, () -> dispatched().dispatch(GRID_STAFF, List.of(), Optional.empty(), LATER));
        }

        @Test
        void a_rejection_needs_a_reason_and_ends_the_wish() {
            refused(WishRefused.Reason.INVALID, () -> submitted().reject(GRID_STAFF, "  ", LATER));
            Wish rejected = submitted().reject(GRID_STAFF, "不属于微心愿范围", LATER).wish();
            assertThat(rejected.status()).isEqualTo(WishStatus.REJECTED);
            assertThat(rejected.endedAt()).contains(LATER);
            refused(WishRefused.Reason.WRONG_STATE, () -> rejected.dispatch(GRID_STAFF, List.of(), Optional.empty(), LATER));
        }
    }

    @Nested
    class Claiming {

        @Test
        void a_unit_of_the_community_claims() {
            Wish.Change change = dispatched().claim(UNIT_A_ACTOR, LATER);

            assertThat(change.wish().status()).isEqualTo(WishStatus.CLAIMED);
            assertThat(change.wish().claimer()).contains(new Claimer(ClaimerKind.UNIT, UNIT_A));
            assertThat(change.entry().actorRole()).isEqualTo(ActorRole.UNIT);
        }

        @Test
        void a_party_member_of_the_community_claims_in_person() {
            Wish claimed = dispatched().claim(PARTY_MEMBER, LATER).wish();
            assertThat(claimed.claimer()).contains(new Claimer(ClaimerKind.PARTY_MEMBER, MEMBER));
        }

        @Test
        void a_unit_outside_the_community_does_not_see_the_wish() {
            refused(WishRefused.Reason.NOT_VISIBLE, () -> dispatched().claim(UNIT_ELSEWHERE_ACTOR, LATER));
        }

        @Test
        void grid_staff_cannot_claim() {
            refused(WishRefused.Reason.NOT_ALLOWED, () -> dispatched().claim(GRID_STAFF, LATER));
        }

        @Test
        void a_wish_not_yet_dispatched_cannot_be_claimed() {
            refused(WishRefused.Reason.WRONG_STATE, () -> submitted().claim(UNIT_A_ACTOR, LATER));
        }

        @Test
        void a_second_claim_is_refused_while_the_first_holds() {
            assertThatThrownBy(() -> claimedByUnitA().claim(UNIT_B_ACTOR, LATER))
                    .isInstanceOfSatisfying(WishRefused.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(WishRefused.Reason.WRONG_STATE);
                        assertThat(refused.getMessage()).contains("already claimed");
                    });
        }

        @Test
        void the_claimer_releases_and_another_unit_claims() {
            Wish released = claimedByUnitA().release(UNIT_A_ACTOR, "人手不够", LATER).wish();
            assertThat(released.status()).isEqualTo(WishStatus.DISPATCHED);
            assertThat(released.claimer()).isEmpty();

            assertThat(released.claim(UNIT_B_ACTOR, LATER).wish().claimer()).contains(new Claimer(ClaimerKind.UNIT, UNIT_B));
        }

        @Test
        void only_the_claimer_releases_or_fulfils() {
            refused(WishRefused.Reason.NOT_ALLOWED, () -> claimedByUnitA().release(UNIT_B_ACTOR, "不是我的", LATER));
            refused(WishRefused.Reason.NOT_ALLOWED,
                    () -> claimedByUnitA().fulfil(UNIT_B_ACTOR, "做完了", Optional.empty(), List.of(), LATER));
        }
    }

    @Nested
    class Fulfilling {

        @Test
        void a_unit_names_the_members_who_served() {
            UUID served = UUID.randomUUID();
            Wish fulfilled = claimedByUnitA().fulfil(UNIT_A_ACTOR, "送到家", Optional.of("https://example.org/p.jpg"),
                    List.of(served), LATER).wish();

            assertThat(fulfilled.status()).isEqualTo(WishStatus.FULFILLED);
            assertThat(fulfilled.servedMemberIds()).containsExactly(served);
            assertThat(fulfilled.evidenceUrl()).contains("https://example.org/p.jpg");
        }

        @Test
        void a_party_member_who_claimed_served_in_person() {
            Wish claimed = dispatched().claim(PARTY_MEMBER, LATER).wish();
            Wish fulfilled = claimed.fulfil(PARTY_MEMBER, "修好了", Optional.empty(), List.of(UUID.randomUUID()), LATER).wish();
            assertThat(fulfilled.servedMemberIds()).containsExactly(MEMBER);
        }

        @Test
        void only_a_claimed_wish_can_be_fulfilled() {
            Wish released = claimedByUnitA().release(UNIT_A_ACTOR, "放弃", LATER).wish();
            refused(WishRefused.Reason.NOT_ALLOWED, () -> released.fulfil(UNIT_A_ACTOR, "做完了", Optional.empty(), List.of(), LATER));
            refused(WishRefused.Reason.WRONG_STATE, () -> fulfilled().fulfil(UNIT_A_ACTOR, "again", Optional.empty(), List.of(), LATER));
        }
    }

    @Nested
    class Closing {

        @Test
        void the_resident_closes_with_a_rating() {
            Wish closed = fulfilled().close(RESIDENT, Optional.of(5), Optional.of("很满意"), LATER).wish();

            assertThat(closed.status()).isEqualTo(WishStatus.CLOSED);
            assertThat(closed.rating()).contains(5);
            assertThat(closed.ratingComment()).contains("很满意");
            assertThat(closed.claimer()).isPresent();
        }

        @Test
        void the_resident_must_rate_from_1_to_5() {
            refused(WishRefused.Reason.INVALID, () -> fulfilled().close(RESIDENT, Optional.empty(), Optional.empty(), LATER));
            refused(WishRefused.Reason.INVALID, () -> fulfilled().close(RESIDENT, Optional.of(6), Optional.empty(), LATER));
        }

        @Test
        void grid_staff_close_on_the_residents_behalf_without_a_rating() {
            Wish closed = fulfilled().close(GRID_STAFF, Optional.empty(), Optional.empty(), LATER).wish();
            assertThat(closed.status()).isEqualTo(WishStatus.CLOSED);
            assertThat(closed.rating()).isEmpty();
        }

        @Test
        void the_claimer_cannot_close_their_own_work() {
            refused(WishRefused.Reason.NOT_ALLOWED, () -> fulfilled().close(UNIT_A_ACTOR, Optional.of(5), Optional.empty(), LATER));
        }

        @Test
        void a_wish_is_closed_only_after_it_was_fulfilled() {
            refused(WishRefused.Reason.WRONG_STATE, () -> claimedByUnitA().close(RESIDENT, Optional.of(5), Optional.empty(), LATER));
        }

        @Test
        void nothing_happens_to_a_closed_wish() {
            Wish closed = fulfilled().close(RESIDENT, Optional.of(4), Optional.empty(), LATER).wish();
            refused(WishRefused.Reason.WRONG_STATE, () -> closed.close(RESIDENT, Optional.of(5), Optional.empty(), LATER));
            refused(WishRefused.Reason.WRONG_STATE, () -> closed.cancel(RESIDENT, Optional.empty(), LATER));
            refused(WishRefused.Reason.WRONG_STATE, () -> closed.release(UNIT_A_ACTOR, "late", LATER));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void the_resident_cancels_before_anyone_claimed() {
            assertThat(submitted().cancel(RESIDENT, Optional.of("不需要了"), LATER).wish().status()).isEqualTo(WishStatus.CANCELLED);
            assertThat(dispatched().cancel(RESIDENT, Optional.empty(), LATER).wish().status()).isEqualTo(WishStatus.CANCELLED);
        }

        @Test
        void a_claimed_wish_can_no_longer_be_cancelled() {
            refused(WishRefused.Reason.WRONG_STATE, () -> claimedByUnitA().cancel(RESIDENT, Optional.empty(), LATER));
        }

        @Test
        void another_resident_does_not_see_the_wish() {
            refused(WishRefused.Reason.NOT_VISIBLE, () -> submitted().cancel(OTHER_RESIDENT, Optional.empty(), LATER));
        }

        @Test
        void grid_staff_cancel_what_they_ordered_for_a_resident_but_not_what_a_resident_ordered() {
            Wish byStaff = Wish.submit(UUID.randomUUID(), GRID_STAFF, Cast.order(), PLACEMENT, T0).wish();
            assertThat(byStaff.cancel(GRID_STAFF, Optional.empty(), LATER).wish().status()).isEqualTo(WishStatus.CANCELLED);
            refused(WishRefused.Reason.NOT_ALLOWED, () -> submitted().cancel(GRID_STAFF, Optional.empty(), LATER));
        }

        @Test
        void a_client_app_cancels_the_wish_it_passed_on() {
            Wish byApp = Wish.submit(UUID.randomUUID(), CLIENT, Cast.order(), PLACEMENT, T0).wish();
            assertThat(byApp.cancel(CLIENT, Optional.empty(), LATER).wish().status()).isEqualTo(WishStatus.CANCELLED);
        }
    }

    @Nested
    class PersonalDataShown {

        @Test
        void the_resident_and_the_staff_of_the_grid_see_it_in_clear() {
            assertThat(submitted().personalDataFor(RESIDENT)).isEqualTo(DATA);
            assertThat(submitted().personalDataFor(GRID_STAFF)).isEqualTo(DATA);
        }

        @Test
        void admins_above_the_grid_and_units_before_claiming_see_it_masked() {
            assertThat(dispatched().personalDataFor(COMMUNITY_ADMIN)).isEqualTo(DATA.masked());
            assertThat(dispatched().personalDataFor(UNIT_A_ACTOR)).isEqualTo(DATA.masked());
        }

        @Test
        void the_claimer_sees_it_while_serving_and_loses_it_on_release() {
            assertThat(claimedByUnitA().personalDataFor(UNIT_A_ACTOR)).isEqualTo(DATA);
            assertThat(fulfilled().personalDataFor(UNIT_A_ACTOR)).isEqualTo(DATA);
            assertThat(claimedByUnitA().personalDataFor(UNIT_B_ACTOR)).isEqualTo(DATA.masked());
            Wish released = claimedByUnitA().release(UNIT_A_ACTOR, "放弃", LATER).wish();
            assertThat(released.personalDataFor(UNIT_A_ACTOR)).isEqualTo(DATA.masked());
        }

        @Test
        void a_client_app_sees_what_it_passed_on_masked() {
            Wish byApp = Wish.submit(UUID.randomUUID(), CLIENT, Cast.order(), PLACEMENT, T0).wish();
            assertThat(byApp.personalDataFor(CLIENT)).isEqualTo(DATA.masked());
        }
    }

    @Nested
    class PushingBack {

        private final java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");

        private Wish closed() {
            return fulfilled().close(RESIDENT, Optional.of(5), Optional.empty(), T0.plusSeconds(240)).wish();
        }

        @Test
        void a_reopened_wish_is_dispatched_again_without_its_claim_rating_or_close() {
            Wish.Change change = closed().reopen(RESIDENT, "还是坏的", T0.plus(Wish.REOPEN_WITHIN));
            Wish reopened = change.wish();
            assertThat(reopened.status()).isEqualTo(WishStatus.DISPATCHED);
            assertThat(reopened.claimer()).isEmpty();
            assertThat(reopened.rating()).isEmpty();
            assertThat(reopened.closedAt()).isEmpty();
            assertThat(reopened.endedAt()).isEmpty();
            assertThat(reopened.servedMemberIds()).isEmpty();
            assertThat(reopened.followup().reopened()).isEqualTo(1);
            assertThat(change.entry().action()).isEqualTo(Action.REOPENED);
            assertThat(change.entry().reason()).contains("还是坏的");
            assertThat(reopened.claim(UNIT_B_ACTOR, T0.plus(Wish.REOPEN_WITHIN).plusSeconds(1)).wish().claimer())
                    .map(Claimer::id).contains(UNIT_B);
        }

        @Test
        void reopening_is_refused_after_7_days_to_others_and_before_closing() {
            Wish closed = closed();
            Instant closedAt = closed.closedAt().orElseThrow();
            assertThatThrownBy(() -> closed.reopen(RESIDENT, "还是坏的", closedAt.plus(Wish.REOPEN_WITHIN).plusSeconds(1)))
                    .isInstanceOfSatisfying(WishRefused.class, refusal -> {
                        assertThat(refusal.reason()).isEqualTo(WishRefused.Reason.WRONG_STATE);
                        assertThat(refusal.code()).isEqualTo("REOPEN_PERIOD_OVER");
                    });
            refused(WishRefused.Reason.NOT_VISIBLE, () -> closed.reopen(OTHER_RESIDENT, "x", LATER));
            refused(WishRefused.Reason.NOT_ALLOWED, () -> closed.reopen(UNIT_A_ACTOR, "x", LATER));
            refused(WishRefused.Reason.WRONG_STATE, () -> fulfilled().reopen(RESIDENT, "x", LATER));
            refused(WishRefused.Reason.INVALID, () -> closed.reopen(RESIDENT, " ", LATER));
        }

        @Test
        void an_open_wish_is_urged_once_per_day_where_the_community_is() {
            // 2026-03-02T08:00Z is 16:00 in Shanghai: the day there ends at 16:00Z
            Wish urged = dispatched().urge(RESIDENT, T0.plusSeconds(600), shanghai).wish();
            assertThat(urged.followup().urged()).isEqualTo(1);
            assertThat(urged.status()).isEqualTo(WishStatus.DISPATCHED);
            assertThatThrownBy(() -> urged.urge(RESIDENT, Instant.parse("2026-03-02T15:59:00Z"), shanghai))
                    .isInstanceOfSatisfying(Wish.UrgedToday.class, refusal ->
                            assertThat(refusal.urgeableFrom()).isEqualTo(Instant.parse("2026-03-02T16:00:00Z")));
            assertThat(urged.urge(RESIDENT, Instant.parse("2026-03-02T16:00:00Z"), shanghai).wish().followup().urged())
                    .isEqualTo(2);
            refused(WishRefused.Reason.WRONG_STATE, () -> fulfilled().urge(RESIDENT, LATER, shanghai));
            refused(WishRefused.Reason.NOT_ALLOWED, () -> dispatched().urge(GRID_STAFF, LATER, shanghai));
        }

        @Test
        void the_grids_question_waits_for_the_residents_answer_and_the_wish_goes_back_where_it_was() {
            Wish asked = dispatched().requestInformation(GRID_STAFF, "几楼？", LATER).wish();
            assertThat(asked.status()).isEqualTo(WishStatus.AWAITING_INFO);
            refused(WishRefused.Reason.WRONG_STATE, () -> asked.claim(UNIT_A_ACTOR, LATER));
            refused(WishRefused.Reason.WRONG_STATE, () -> asked.requestInformation(GRID_STAFF, "还有？", LATER));
            refused(WishRefused.Reason.NOT_ALLOWED, () -> asked.giveInformation(GRID_STAFF, "五楼", LATER));
            Wish.Change answered = asked.giveInformation(RESIDENT, "五楼", LATER.plusSeconds(60));
            assertThat(answered.wish().status()).isEqualTo(WishStatus.DISPATCHED);
            assertThat(answered.entry().reason()).as("the answer stays out of the history").isEmpty();
            refused(WishRefused.Reason.WRONG_STATE, () -> answered.wish().giveInformation(RESIDENT, "again", LATER));
            refused(WishRefused.Reason.NOT_ALLOWED, () -> submitted().requestInformation(RESIDENT, "?", LATER));
            refused(WishRefused.Reason.WRONG_STATE, () -> claimedByUnitA().requestInformation(GRID_STAFF, "?", LATER));
            assertThat(asked.cancel(RESIDENT, Optional.empty(), LATER).wish().status()).isEqualTo(WishStatus.CANCELLED);
        }
    }
}
