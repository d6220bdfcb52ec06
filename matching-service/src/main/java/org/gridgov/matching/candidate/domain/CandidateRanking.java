package org.gridgov.matching.candidate.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridgov.matching.candidate.domain.CandidateReason.Factor;
import org.gridgov.matching.fit.domain.CategoryFit;
import org.gridgov.matching.fit.domain.GridDistance;

/**
 * Ranks who could claim a wish. A score of at most 100 adds up: category fit (40: the unit offers
 * the category, 20: a related one, or a member who served it before), distance in the grid tree
 * (25 same micro-grid … 0 elsewhere), remaining capacity of the matching resource (15), current
 * load (10, less 2.5 per open claim), on-time record (10, smoothed so a newcomer starts at 5), and
 * fairness (3 off for every time the candidate was ranked first lately, at most 15) so that the same
 * unit is not always first.
 *
 * @param fairnessWindowDays how far back "ranked first lately" looks; only used to explain the score
 */
public record CandidateRanking(int fairnessWindowDays) {

    static final double CATEGORY_EXACT = 40;
    static final double CATEGORY_RELATED = 20;
    static final double CAPACITY = 15;
    static final double LOAD = 10;
    static final double LOAD_PER_OPEN_CLAIM = 2.5;
    static final double ON_TIME = 10;
    static final double FAIRNESS_PER_FIRST = 3;
    static final double FAIRNESS_CAP = 15;
    private static final Map<GridDistance, Double> DISTANCE = new EnumMap<>(Map.of(
            GridDistance.SAME_MICRO_GRID, 25.0, GridDistance.SAME_GRID, 18.0, GridDistance.SAME_COMMUNITY, 10.0,
            GridDistance.WIDER, 4.0, GridDistance.OUTSIDE, 0.0));
    private static final Comparator<RankedCandidate> BEST_FIRST = Comparator
            .comparingDouble(RankedCandidate::score).reversed()
            .thenComparing(RankedCandidate::kind)
            .thenComparing(RankedCandidate::id);

    /** The best {@code keep} candidates, best first, ranked from 1. */
    public List<RankedCandidate> rank(WishToMatch wish, List<Candidate> candidates, int keep) {
        List<RankedCandidate> scored = candidates.stream().map(candidate -> score(wish, candidate))
                .sorted(BEST_FIRST).limit(keep).toList();
        List<RankedCandidate> ranked = new ArrayList<>(scored.size());
        for (RankedCandidate candidate : scored) {
            ranked.add(new RankedCandidate(ranked.size() + 1, candidate.kind(), candidate.id(), candidate.name(),
                    candidate.score(), candidate.reasons()));
        }
        return ranked;
    }

    RankedCandidate score(WishToMatch wish, Candidate candidate) {
        Optional<Offer> offer = bestOffer(wish, candidate);
        List<CandidateReason> reasons = new ArrayList<>();
        reasons.add(categoryFit(wish, candidate, offer));
        reasons.add(distance(wish, candidate, offer));
        if (candidate.kind() == CandidateKind.UNIT) {
            reasons.add(capacity(wish, offer));
        }
        reasons.add(load(candidate.record()));
        reasons.add(onTime(candidate.record()));
        if (candidate.recentFirsts() > 0) {
            reasons.add(fairness(candidate.recentFirsts()));
        }
        double score = round(reasons.stream().mapToDouble(CandidateReason::points).sum());
        return new RankedCandidate(0, candidate.kind(), candidate.id(), candidate.name(), score, reasons);
    }

    /** The offer of the wished category (or a related one) that would earn the most points. */
    private Optional<Offer> bestOffer(WishToMatch wish, Candidate candidate) {
        return candidate.offers().stream()
                .filter(offer -> CategoryFit.of(wish.category(), offer.category()) != CategoryFit.NONE)
                .max(Comparator.comparingDouble(offer -> fitPoints(wish, offer)
                        + DISTANCE.get(offer.area().distanceTo(wish.place())) + capacityPoints(offer)));
    }

    private CandidateReason categoryFit(WishToMatch wish, Candidate candidate, Optional<Offer> offer) {
        if (offer.isPresent()) {
            Offer fitting = offer.get();
            boolean exact = CategoryFit.of(wish.category(), fitting.category()) == CategoryFit.EXACT;
            return new CandidateReason(Factor.CATEGORY_FIT, fitPoints(wish, fitting), (exact ? "offers " : "offers related ")
                    + fitting.category() + " \"" + fitting.title() + "\"");
        }
        int served = candidate.record().fulfilledInCategory();
        if (candidate.kind() == CandidateKind.PARTY_MEMBER && served > 0) {
            return new CandidateReason(Factor.CATEGORY_FIT, CATEGORY_RELATED,
                    "fulfilled " + served + " " + wish.category() + " wish" + (served == 1 ? "" : "es") + " before");
        }
        return new CandidateReason(Factor.CATEGORY_FIT, 0, "offers nothing for " + wish.category());
    }

    private CandidateReason distance(WishToMatch wish, Candidate candidate, Optional<Offer> offer) {
        GridDistance distance = offer.map(fitting -> fitting.area().distanceTo(wish.place())).orElse(candidate.home());
        String where = switch (distance) {
            case SAME_MICRO_GRID -> "same micro-grid";
            case SAME_GRID -> "same grid";
            case SAME_COMMUNITY -> "same community";
            case WIDER -> "serves the whole street or district";
            case OUTSIDE -> "serves elsewhere";
        };
        return new CandidateReason(Factor.DISTANCE, DISTANCE.get(distance), where);
    }

    private CandidateReason capacity(WishToMatch wish, Optional<Offer> offer) {
        if (offer.isEmpty()) {
            return new CandidateReason(Factor.CAPACITY, 0, "no resource for " + wish.category());
        }
        Offer fitting = offer.get();
        String detail = fitting.remaining() == 0
                ? "capacity used up (" + fitting.capacity() + " this period)"
                : fitting.remaining() + " of " + fitting.capacity() + " left this period";
        return new CandidateReason(Factor.CAPACITY, round(capacityPoints(fitting)), detail);
    }

    private static CandidateReason load(ServiceRecord record) {
        double points = Math.max(0, LOAD - LOAD_PER_OPEN_CLAIM * record.openClaims());
        return new CandidateReason(Factor.LOAD, points, record.openClaims() + " open claim" + (record.openClaims() == 1 ? "" : "s"));
    }

    private static CandidateReason onTime(ServiceRecord record) {
        double points = round(ON_TIME * (record.fulfilledOnTime() + 1) / (record.fulfilled() + 2.0));
        String detail = record.fulfilled() == 0 ? "no fulfilled wishes yet"
                : record.fulfilledOnTime() + " of " + record.fulfilled() + " fulfilled on time";
        return new CandidateReason(Factor.ON_TIME, points, detail);
    }

    private CandidateReason fairness(int recentFirsts) {
        double points = -Math.min(FAIRNESS_CAP, FAIRNESS_PER_FIRST * recentFirsts);
        return new CandidateReason(Factor.FAIRNESS, points, "ranked first " + recentFirsts + " time" + (recentFirsts == 1 ? "" : "s")
                + " in the last " + fairnessWindowDays + " days");
    }

    private static double fitPoints(WishToMatch wish, Offer offer) {
        return CategoryFit.of(wish.category(), offer.category()) == CategoryFit.EXACT ? CATEGORY_EXACT : CATEGORY_RELATED;
    }

    private static double capacityPoints(Offer offer) {
        return offer.capacity() == 0 ? 0 : CAPACITY * offer.remaining() / offer.capacity();
    }

    private static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }
}
