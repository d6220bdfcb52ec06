package org.gridgov.matching.candidate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.matching.candidate.domain.CandidateReason.Factor;
import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.GridDistance;
import org.gridgov.matching.fit.domain.GridPlace;
import org.gridgov.matching.fit.domain.ServiceArea;
import org.junit.jupiter.api.Test;

class CandidateRankingTest {

    private final UUID community = UUID.randomUUID();
    private final UUID grid = UUID.randomUUID();
    private final UUID microGrid = UUID.randomUUID();
    private final WishToMatch wish = new WishToMatch(UUID.randomUUID(), Category.ELDERLY_CARE,
            GridPlace.of(List.of(community, grid), community, grid, microGrid), Instant.parse("2026-03-01T08:00:00Z"));
    private final CandidateRanking ranking = new CandidateRanking(30);

    @Test
    void the_score_adds_up_category_distance_capacity_load_and_on_time_record_with_a_reason_each() {
        Candidate unit = unit(offer(Category.ELDERLY_CARE, 4, 1, List.of(community, grid, microGrid)),
                new ServiceRecord(1, 8, 2, 0), 0);

        RankedCandidate ranked = ranking.rank(wish, List.of(unit), 10).get(0);

        assertThat(ranked.reasons()).extracting(CandidateReason::factor)
                .containsExactly(Factor.CATEGORY_FIT, Factor.DISTANCE, Factor.CAPACITY, Factor.LOAD, Factor.ON_TIME);
        assertThat(ranked.reasons()).extracting(CandidateReason::points).containsExactly(40.0, 25.0, 11.3, 7.5, 7.0);
        assertThat(ranked.score()).isEqualTo(90.8);
        assertThat(ranked.reasons()).extracting(CandidateReason::detail).containsExactly("offers ELDERLY_CARE \"送餐\"",
                "same micro-grid", "3 of 4 left this period", "1 open claim", "6 of 8 fulfilled on time");
    }

    @Test
    void the_nearer_exact_offer_ranks_first_and_units_without_a_fitting_resource_last() {
        Candidate near = unit(offer(Category.ELDERLY_CARE, 5, 0, List.of(community, grid)), ServiceRecord.NONE, 0);
        Candidate far = unit(offer(Category.ELDERLY_CARE, 5, 0, List.of(community)), ServiceRecord.NONE, 0);
        Candidate related = unit(offer(Category.HEALTH, 5, 0, List.of(community, grid)), ServiceRecord.NONE, 0);
        Candidate unrelated = unit(offer(Category.REPAIRS, 5, 0, List.of(community, grid, microGrid)), ServiceRecord.NONE, 0);

        List<RankedCandidate> ranked = ranking.rank(wish, List.of(unrelated, related, far, near), 10);

        assertThat(ranked).extracting(RankedCandidate::id).containsExactly(near.id(), far.id(), related.id(), unrelated.id());
        assertThat(ranked).extracting(RankedCandidate::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranked.get(3).reasons().get(0).detail()).isEqualTo("offers nothing for ELDERLY_CARE");
    }

    @Test
    void ranking_first_lately_costs_points_so_an_equal_unit_takes_its_turn() {
        Candidate often = unit(offer(Category.ELDERLY_CARE, 5, 0, List.of(community)), ServiceRecord.NONE, 2);
        Candidate rarely = unit(offer(Category.ELDERLY_CARE, 5, 0, List.of(community)), ServiceRecord.NONE, 0);

        List<RankedCandidate> ranked = ranking.rank(wish, List.of(often, rarely), 10);

        assertThat(ranked.get(0).id()).isEqualTo(rarely.id());
        CandidateReason fairness = ranked.get(1).reasons().get(ranked.get(1).reasons().size() - 1);
        assertThat(fairness).isEqualTo(new CandidateReason(Factor.FAIRNESS, -6, "ranked first 2 times in the last 30 days"));
    }

    @Test
    void a_unit_whose_matching_resource_is_used_up_falls_behind_one_with_capacity_left() {
        Candidate full = unit(offer(Category.ELDERLY_CARE, 3, 3, List.of(community, grid)), ServiceRecord.NONE, 0);
        Candidate free = unit(offer(Category.ELDERLY_CARE, 3, 0, List.of(community)), ServiceRecord.NONE, 0);

        List<RankedCandidate> ranked = ranking.rank(wish, List.of(full, free), 10);

        assertThat(ranked.get(0).id()).isEqualTo(free.id());
        assertThat(ranked.get(1).reasons().get(2)).isEqualTo(new CandidateReason(Factor.CAPACITY, 0, "capacity used up (3 this period)"));
    }

    @Test
    void a_party_member_scores_by_where_they_live_and_what_they_did_before_without_a_capacity() {
        Candidate neighbour = new Candidate(CandidateKind.PARTY_MEMBER, UUID.randomUUID(), null, List.of(),
                GridDistance.SAME_GRID, new ServiceRecord(0, 3, 0, 2), 0);

        RankedCandidate ranked = ranking.rank(wish, List.of(neighbour), 10).get(0);

        assertThat(ranked.reasons()).extracting(CandidateReason::factor)
                .containsExactly(Factor.CATEGORY_FIT, Factor.DISTANCE, Factor.LOAD, Factor.ON_TIME);
        assertThat(ranked.reasons().get(0).detail()).isEqualTo("fulfilled 2 ELDERLY_CARE wishes before");
        assertThat(ranked.score()).isEqualTo(20 + 18 + 10 + 8);
    }

    @Test
    void only_the_best_are_kept() {
        List<Candidate> many = List.of(unit(offer(Category.ELDERLY_CARE, 1, 0, List.of(community)), ServiceRecord.NONE, 0),
                unit(offer(Category.HEALTH, 1, 0, List.of(community)), ServiceRecord.NONE, 0),
                unit(offer(Category.REPAIRS, 1, 0, List.of(community)), ServiceRecord.NONE, 0));

        assertThat(ranking.rank(wish, many, 2)).extracting(RankedCandidate::id)
                .containsExactly(many.get(0).id(), many.get(1).id());
    }

    private static Offer offer(Category category, int capacity, int used, List<UUID> areaChain) {
        return new Offer(UUID.randomUUID(), category, "送餐", capacity, used, new ServiceArea(List.of(areaChain)));
    }

    private static Candidate unit(Offer offer, ServiceRecord record, int recentFirsts) {
        return new Candidate(CandidateKind.UNIT, UUID.randomUUID(), "unit", List.of(offer), GridDistance.SAME_COMMUNITY,
                record, recentFirsts);
    }
}
