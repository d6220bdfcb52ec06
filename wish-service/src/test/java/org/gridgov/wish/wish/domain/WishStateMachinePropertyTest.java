package org.gridgov.wish.wish.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of commands by random actors against the workflow, checking what must hold
 * whatever happens: nothing leaves a final status, at most one claimer holds a wish and only while
 * it is claimed or later, a refused command changes nothing, and the history records every change.
 */
class WishStateMachinePropertyTest {

    enum Who {
        RESIDENT(Cast.RESIDENT), OTHER_RESIDENT(Cast.OTHER_RESIDENT), GRID_STAFF(Cast.GRID_STAFF),
        STAFF_ELSEWHERE(Cast.STAFF_ELSEWHERE), COMMUNITY_ADMIN(Cast.COMMUNITY_ADMIN), UNIT_A(Cast.UNIT_A_ACTOR),
        UNIT_B(Cast.UNIT_B_ACTOR), UNIT_ELSEWHERE(Cast.UNIT_ELSEWHERE_ACTOR), PARTY_MEMBER(Cast.PARTY_MEMBER),
        CLIENT(Cast.CLIENT);

        final Actor actor;

        Who(Actor actor) {
            this.actor = actor;
        }
    }

    enum Verb {
        DISPATCH, REJECT, CLAIM, RELEASE, FULFIL, CLOSE, CANCEL, REOPEN, URGE, ASK, ANSWER
    }

    record Step(Verb verb, Who who, Optional<Integer> rating) {
    }

    /** Who would plausibly try each command: most steps come from them, so that runs get far. */
    private static final Map<Verb, List<Who>> LIKELY = Map.ofEntries(
            Map.entry(Verb.DISPATCH, List.of(Who.GRID_STAFF)),
            Map.entry(Verb.REJECT, List.of(Who.GRID_STAFF)),
            Map.entry(Verb.CLAIM, List.of(Who.UNIT_A, Who.UNIT_B, Who.PARTY_MEMBER)),
            Map.entry(Verb.RELEASE, List.of(Who.UNIT_A, Who.UNIT_B, Who.PARTY_MEMBER)),
            Map.entry(Verb.FULFIL, List.of(Who.UNIT_A, Who.UNIT_B, Who.PARTY_MEMBER)),
            Map.entry(Verb.CLOSE, List.of(Who.RESIDENT, Who.GRID_STAFF)),
            Map.entry(Verb.CANCEL, List.of(Who.RESIDENT)),
            Map.entry(Verb.REOPEN, List.of(Who.RESIDENT)),
            Map.entry(Verb.URGE, List.of(Who.RESIDENT)),
            Map.entry(Verb.ASK, List.of(Who.GRID_STAFF)),
            Map.entry(Verb.ANSWER, List.of(Who.RESIDENT, Who.GRID_STAFF)));

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Verb> verbs = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Verb.DISPATCH)), Tuple.of(1, Arbitraries.just(Verb.REJECT)),
                Tuple.of(4, Arbitraries.just(Verb.CLAIM)), Tuple.of(2, Arbitraries.just(Verb.RELEASE)),
                Tuple.of(3, Arbitraries.just(Verb.FULFIL)), Tuple.of(3, Arbitraries.just(Verb.CLOSE)),
                Tuple.of(1, Arbitraries.just(Verb.CANCEL)), Tuple.of(1, Arbitraries.just(Verb.REOPEN)),
                Tuple.of(1, Arbitraries.just(Verb.URGE)), Tuple.of(1, Arbitraries.just(Verb.ASK)),
                Tuple.of(2, Arbitraries.just(Verb.ANSWER)));
        Arbitrary<Optional<Integer>> ratings = Arbitraries.integers().between(0, 6).optional(0.9);
        return verbs.flatMap(verb -> Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.of(LIKELY.get(verb))), Tuple.of(3, Arbitraries.of(Who.class))),
                ratings)
                .as((who, rating) -> new Step(verb, who, rating)));
    }

    @Provide
    Arbitrary<Who> submitters() {
        return Arbitraries.of(Who.RESIDENT, Who.GRID_STAFF, Who.CLIENT);
    }

    // 2,000 sequences: with 1,000, a run now and then ended none of them closed and failed the coverage check
    @Property(tries = 2000)
    void the_workflow_stays_sound_whatever_is_tried(@ForAll("submitters") Who submitter,
                                                     @ForAll EscalationLevel level,
                                                     @ForAll @Size(max = 30) List<@From("steps") Step> steps) {
        Instant at = Cast.T0;
        Wish.Change submitted = Wish.submit(UUID.randomUUID(), submitter.actor, Cast.order(), Cast.PLACEMENT, at);
        Wish wish = Cast.escalated(submitted.wish(), level);
        List<HistoryEntry> history = new ArrayList<>(List.of(submitted.entry()));

        for (Step step : steps) {
            at = at.plusSeconds(60);
            Wish.Snapshot before = wish.snapshot();
            Wish.Change change;
            try {
                change = apply(wish, step, at);
            } catch (WishRefused refused) {
                assertThat(wish.snapshot()).as("a refused command changes nothing").isEqualTo(before);
                continue;
            }
            Wish after = change.wish();
            assertThat(before.status().isFinal() && step.verb() != Verb.REOPEN)
                    .as("no transition out of the final status " + before.status() + " but a reopening").isFalse();
            if (step.verb() == Verb.REOPEN) {
                assertThat(before.status()).isEqualTo(WishStatus.CLOSED);
            }
            if (step.verb() == Verb.CLAIM) {
                assertThat(before.claimer()).as("a claim succeeds only on an unclaimed wish").isEmpty();
            }
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(change.entry().from()).contains(before.status());
            assertThat(change.entry().to()).isEqualTo(after.status());
            assertThat(change.entry().actorId()).isEqualTo(step.who().actor.id());
            assertThat(wish.snapshot()).as("the wish before the command is left as it was").isEqualTo(before);
            history.add(change.entry());
            wish = after;
        }

        Set<WishStatus> held = EnumSet.of(WishStatus.CLAIMED, WishStatus.FULFILLED, WishStatus.CLOSED);
        assertThat(wish.claimer().isPresent()).as("a claimer exactly while claimed, fulfilled or closed")
                .isEqualTo(held.contains(wish.status()));
        assertThat(history).hasSize((int) wish.version());
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).from()).as("history entry %d follows on from the one before", i)
                    .contains(history.get(i - 1).to());
            assertThat(history.get(i).at()).isAfter(history.get(i - 1).at());
        }
        assertThat(history.get(history.size() - 1).to()).isEqualTo(wish.status());
        for (Who who : Who.values()) {
            boolean clear = wish.personalDataFor(who.actor).equals(Cast.DATA);
            boolean holdsIt = wish.status().isHeldByClaimer() && wish.claimer().filter(c -> c.isActedBy(who.actor)).isPresent();
            boolean isTheResident = who == Who.RESIDENT && submitter == Who.RESIDENT;
            assertThat(clear).as("%s sees the personal data in clear", who)
                    .isEqualTo(isTheResident || who == Who.GRID_STAFF || holdsIt);
        }
        Statistics.label("final status").collect(wish.status());
        // the run is worth something only if the sequences reached every status
        Statistics.label("final status").coverage(coverage -> {
            for (WishStatus status : WishStatus.values()) {
                coverage.check(status).count(count -> count > 0);
            }
        });
    }

    private static Wish.Change apply(Wish wish, Step step, Instant at) {
        Actor actor = step.who().actor;
        return switch (step.verb()) {
            case DISPATCH -> wish.dispatch(actor, List.of(Cast.UNIT_A), Optional.empty(), at);
            case REJECT -> wish.reject(actor, "不属于微心愿", at);
            case CLAIM -> wish.claim(actor, at);
            case RELEASE -> wish.release(actor, "人手不够", at);
            case FULFIL -> wish.fulfil(actor, "完成了", Optional.empty(), List.of(Cast.MEMBER), at);
            case CLOSE -> wish.close(actor, step.rating(), Optional.empty(), at);
            case CANCEL -> wish.cancel(actor, Optional.empty(), at);
            case REOPEN -> wish.reopen(actor, "没修好", at);
            case URGE -> wish.urge(actor, at, java.time.ZoneId.of("Asia/Shanghai"));
            case ASK -> wish.requestInformation(actor, "几楼？", at);
            case ANSWER -> wish.giveInformation(actor, "五楼", at);
        };
    }
}
