package org.gridgov.matching.candidate.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.matching.candidate.SubmittedWish;
import org.gridgov.matching.candidate.domain.Candidate;
import org.gridgov.matching.candidate.domain.CandidateKind;
import org.gridgov.matching.candidate.domain.Offer;
import org.gridgov.matching.candidate.domain.ServiceRecord;
import org.gridgov.matching.candidate.domain.WishToMatch;
import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.GridDistance;
import org.gridgov.matching.fit.domain.GridPlace;
import org.gridgov.matching.candidate.persistence.CommunityCandidates.Facts;
import org.gridgov.matching.candidate.persistence.CommunityCandidates.Member;
import org.gridgov.matching.readmodel.CommunityUnits.UnitOffering;
import org.gridgov.matching.readmodel.GridChains;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gathers who could claim a wish from the read model: the units of the community's Grand Party
 * Committee with their current resources, the party members of the community ({@link CommunityCandidates}),
 * what each has on its plate and delivered before, and how often each was ranked first lately; once
 * per community for a batch of wishes.
 */
@Component
public record CandidatePool(DatabaseClient db, CommunityCandidates communityCandidates, GridChains gridChains) {

    /** The wish placed in the grid tree, and everyone who could claim it. */
    public record Pool(WishToMatch wish, List<Candidate> candidates) {
    }

    /** Wishes of one community and year share their candidates (with this year's capacity used). */
    public record Key(UUID communityId, int year) {
        public static Key of(SubmittedWish wish) {
            return new Key(wish.communityId(), wish.submittedAt().atOffset(ZoneOffset.UTC).getYear());
        }
    }

    /**
     * A community's candidates in a year, their records and how often each was ranked first lately, as
     * read for a batch of its wishes; ranking one wish after the other counts each first on in memory.
     */
    public static final class Community {
        private final Facts facts;
        private final Map<UUID, List<UUID>> chains;
        private final Map<UUID, List<CategoryRow>> records;
        private final Map<UUID, Integer> firsts;
        private final Map<Category, Map<UUID, Record>> recordsFor = new EnumMap<>(Category.class);

        private Community(Facts facts, Map<UUID, List<UUID>> chains, Map<UUID, List<CategoryRow>> records,
                          Map<UUID, Integer> firsts) {
            this.facts = facts;
            this.chains = chains;
            this.records = records;
            this.firsts = new HashMap<>(firsts);
        }

        /** Everyone who could claim the wish, with how often each was ranked first lately, this batch included. */
        public Pool poolFor(SubmittedWish submitted) {
            WishToMatch wish = wishToMatch(submitted, chains);
            Map<UUID, Record> byClaimer = recordsFor.computeIfAbsent(submitted.category(), wanted -> {
                Map<UUID, Record> all = new HashMap<>();
                records.forEach((claimer, categories) -> all.put(claimer, record(categories, wanted)));
                return all;
            });
            return new Pool(wish, assemble(wish, facts, chains, byClaimer, firsts));
        }

        public void rankedFirst(UUID candidateId) {
            firsts.merge(candidateId, 1, Integer::sum);
        }
    }

    /** The pools of a batch of wishes, by community and year: read once each, with the wishes placed among them. */
    public Mono<Map<Key, Community>> gather(List<SubmittedWish> wishes, Instant firstsSince) {
        Map<Key, List<UUID>> microGrids = new LinkedHashMap<>();
        wishes.forEach(wish -> microGrids.computeIfAbsent(Key.of(wish), key -> new ArrayList<>()).add(wish.microGridId()));
        return Flux.fromIterable(microGrids.entrySet())
                .concatMap(entry -> community(entry.getKey(), entry.getValue(), firstsSince)
                        .map(community -> Map.entry(entry.getKey(), community)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Community> community(Key key, List<UUID> microGrids, Instant firstsSince) {
        return Mono.zip(communityCandidates.of(key.communityId(), key.year()), records(key),
                        recentFirsts(key.communityId(), firstsSince))
                .flatMap(read -> place(microGrids, read.getT1().chains())
                        .map(chains -> new Community(read.getT1(), chains, read.getT2(), read.getT3())));
    }

    /** The chains the community's candidates need, with the wishes' micro-grids among them. */
    private Mono<Map<UUID, List<UUID>>> place(List<UUID> microGrids, Map<UUID, List<UUID>> chains) {
        List<UUID> unknown = microGrids.stream().filter(microGrid -> !chains.containsKey(microGrid)).toList();
        if (unknown.isEmpty()) {
            return Mono.just(chains);
        }
        return gridChains.of(unknown).map(placed -> {
            Map<UUID, List<UUID>> all = new HashMap<>(chains);
            all.putAll(placed);
            return all;
        });
    }

    private static WishToMatch wishToMatch(SubmittedWish wish, Map<UUID, List<UUID>> chains) {
        List<UUID> chain = chains.getOrDefault(wish.microGridId(), List.of(wish.microGridId()));
        GridPlace place = GridPlace.of(chain.subList(0, chain.size() - 1), wish.communityId(), wish.gridId(),
                wish.microGridId());
        return new WishToMatch(wish.wishId(), wish.category(), place, wish.submittedAt());
    }

    private static List<Candidate> assemble(WishToMatch wish, Facts community, Map<UUID, List<UUID>> chains,
                                            Map<UUID, Record> records, Map<UUID, Integer> firsts) {
        List<Candidate> candidates = new ArrayList<>(community.units().size() + community.members().size());
        for (UnitOffering unit : community.units()) {
            Record record = records.getOrDefault(unit.unitId(), Record.NONE);
            List<Offer> offers = unit.items().stream().map(item -> new Offer(item.itemId(), item.category(), item.title(),
                    item.capacity(), record.usedThisYear().getOrDefault(item.category(), 0),
                    GridChains.area(item.area(), chains))).toList();
            candidates.add(new Candidate(CandidateKind.UNIT, unit.unitId(), unit.name(), offers,
                    GridDistance.SAME_COMMUNITY, record.service(), firsts.getOrDefault(unit.unitId(), 0)));
        }
        for (Member member : community.members()) {
            GridDistance home = member.gridId() == null ? GridDistance.SAME_COMMUNITY
                    : wish.place().distanceTo(chains.getOrDefault(member.gridId(), List.of(member.gridId())));
            if (!home.isNearerThan(GridDistance.SAME_COMMUNITY)) {
                // a member registered or reported in here belongs to the community wherever their grid is
                home = GridDistance.SAME_COMMUNITY;
            }
            candidates.add(new Candidate(CandidateKind.PARTY_MEMBER, member.id(), null, List.of(), home,
                    records.getOrDefault(member.id(), Record.NONE).service(), firsts.getOrDefault(member.id(), 0)));
        }
        return candidates;
    }

    /** The ids of the community's candidates, for a query bound to {@code :community}: an array keeps the index scan. */
    private static final String CANDIDATE_IDS = """
            any(array(select id from unit where community_ids @> :community
                      union all select id from party_member where community_ids @> :community))""";

    /** A candidate's service record and, per category, how many claims it took on this year. */
    private record Record(ServiceRecord service, Map<Category, Integer> usedThisYear) {
        static final Record NONE = new Record(ServiceRecord.NONE, Map.of());
    }

    private Mono<Map<UUID, List<CategoryRow>>> records(Key key) {
        // counters a trigger keeps per claimer, category and year of the claim (V7__claimer_stats.sql)
        return db.sql("""
                        select claimer_id, category, sum(open_claims) as open_claims, sum(fulfilled) as fulfilled,
                               sum(late) as late, coalesce(sum(used) filter (where year = :year), 0) as used
                        from claimer_stats where claimer_id =\s""" + CANDIDATE_IDS + """
                        group by claimer_id, category""")
                .bind("community", new UUID[] {key.communityId()})
                .bind("year", key.year())
                .map(row -> new CategoryRow(row.get("claimer_id", UUID.class), Category.valueOf(row.get("category", String.class)),
                        row.get("open_claims", Long.class).intValue(), row.get("fulfilled", Long.class).intValue(),
                        row.get("late", Long.class).intValue(), row.get("used", Long.class).intValue()))
                .all().collectList()
                .map(rows -> {
                    Map<UUID, List<CategoryRow>> byClaimer = new HashMap<>();
                    rows.forEach(row -> byClaimer.computeIfAbsent(row.claimerId(), id -> new ArrayList<>()).add(row));
                    return byClaimer;
                });
    }

    private record CategoryRow(UUID claimerId, Category category, int openClaims, int fulfilled, int late, int used) {
    }

    private static Record record(List<CategoryRow> rows, Category wanted) {
        int open = 0;
        int fulfilled = 0;
        int late = 0;
        int fulfilledInCategory = 0;
        Map<Category, Integer> used = new HashMap<>();
        for (CategoryRow row : rows) {
            open += row.openClaims();
            fulfilled += row.fulfilled();
            late += row.late();
            fulfilledInCategory += row.category() == wanted ? row.fulfilled() : 0;
            used.put(row.category(), row.used());
        }
        return new Record(new ServiceRecord(open, fulfilled, late, fulfilledInCategory), used);
    }

    private Mono<Map<UUID, Integer>> recentFirsts(UUID communityId, Instant since) {
        return db.sql("""
                        select candidate_id, sum(firsts) as firsts from candidate_firsts
                        where day >= :since and candidate_id =\s""" + CANDIDATE_IDS + """
                        group by candidate_id""")
                .bind("community", new UUID[] {communityId})
                .bind("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC).toLocalDate())
                .map(row -> Map.entry(row.get("candidate_id", UUID.class), row.get("firsts", Long.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
