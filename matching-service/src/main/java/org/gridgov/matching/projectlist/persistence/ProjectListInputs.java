package org.gridgov.matching.projectlist.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.GridPlace;
import org.gridgov.matching.projectlist.ProjectList;
import org.gridgov.matching.projectlist.domain.Need;
import org.gridgov.matching.projectlist.domain.NeedPriority;
import org.gridgov.matching.projectlist.domain.ProjectListProblem;
import org.gridgov.matching.projectlist.domain.Resource;
import org.gridgov.matching.projectlist.domain.UnitQuota;
import org.gridgov.matching.readmodel.CommunityUnits;
import org.gridgov.matching.readmodel.CommunityUnits.Item;
import org.gridgov.matching.readmodel.CommunityUnits.UnitOffering;
import org.gridgov.matching.readmodel.GridChains;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a project list for a year is made from, read from the read model: the published needs of the
 * area's communities (one for a community's list, all of a street's for a street's) not yet made a
 * project by an earlier year's list (a need waits until a list takes it), and the units of their
 * Grand Party Committees with the resources they offer that year — a unit in several of the
 * communities once, so that it has one min/max over the list.
 */
@Component
public record ProjectListInputs(DatabaseClient db, CommunityUnits communityUnits, GridChains gridChains) {

    /** The problem and, for the list's readers, the titles and names behind its ids. */
    public record Inputs(List<UUID> communityIds, ProjectListProblem problem, Map<UUID, NeedFacts> needs,
                         Map<UUID, String> unitNames, Map<UUID, Item> items) {
    }

    public record NeedFacts(UUID id, String title, Category category, NeedPriority priority, UUID communityId,
                            UUID gridId, int householdsAffected) {
    }

    public Mono<Inputs> load(ProjectList.Area area, int year, int minPerUnit, int maxPerUnit) {
        return communitiesOf(area).flatMap(communities -> Mono.zip(openNeeds(communities, year), units(communities, year))
                .flatMap(found -> {
                    List<NeedFacts> needs = found.getT1();
                    List<UnitOffering> units = found.getT2();
                    List<UUID> nodes = new ArrayList<>();
                    needs.forEach(need -> nodes.add(need.gridId()));
                    units.forEach(unit -> unit.items().forEach(item -> nodes.addAll(item.area())));
                    return gridChains.of(nodes)
                            .map(chains -> inputs(communities, needs, units, chains, minPerUnit, maxPerUnit));
                }));
    }

    private Mono<List<UUID>> communitiesOf(ProjectList.Area area) {
        if (area.kind() == ProjectList.AreaKind.COMMUNITY) {
            return Mono.just(List.of(area.id()));
        }
        return db.sql("""
                        select id from kit_grid_node
                        where kind = 'COMMUNITY' and :street = any (path) and not retired order by id""")
                .bind("street", area.id())
                .map(row -> row.get("id", UUID.class))
                .all().collectList();
    }

    /** Each unit once, whichever of the communities' Grand Party Committees it was found in. */
    private Mono<List<UnitOffering>> units(List<UUID> communities, int year) {
        return Flux.fromIterable(communities)
                .concatMap(community -> communityUnits.of(community, year))
                .collect(TreeMap<UUID, UnitOffering>::new,
                        (byUnit, found) -> found.forEach(unit -> byUnit.putIfAbsent(unit.unitId(), unit)))
                .map(byUnit -> List.copyOf(byUnit.values()));
    }

    private static Inputs inputs(List<UUID> communities, List<NeedFacts> needFacts, List<UnitOffering> units,
                                 Map<UUID, List<UUID>> chains, int minPerUnit, int maxPerUnit) {
        List<Need> needs = new ArrayList<>();
        Map<UUID, NeedFacts> needsById = new HashMap<>();
        for (NeedFacts need : needFacts) {
            List<UUID> chain = chains.get(need.gridId());
            needs.add(new Need(need.id(), need.category(),
                    GridPlace.of(chain.subList(0, chain.size() - 1), need.communityId(), need.gridId(), null),
                    need.priority(), need.householdsAffected()));
            needsById.put(need.id(), need);
        }
        List<Resource> resources = new ArrayList<>();
        List<UnitQuota> quotas = new ArrayList<>();
        Map<UUID, String> unitNames = new HashMap<>();
        Map<UUID, Item> items = new HashMap<>();
        for (UnitOffering unit : units) {
            quotas.add(new UnitQuota(unit.unitId(), minPerUnit, maxPerUnit));
            unitNames.put(unit.unitId(), unit.name());
            for (Item item : unit.items()) {
                resources.add(new Resource(item.itemId(), unit.unitId(), item.category(), item.capacity(),
                        GridChains.area(item.area(), chains)));
                items.put(item.itemId(), item);
            }
        }
        return new Inputs(communities, new ProjectListProblem(needs, resources, quotas), needsById, unitNames, items);
    }

    // taken by the latest version of an earlier year's list of any area: its community's or its street's
    private Mono<List<NeedFacts>> openNeeds(List<UUID> communities, int year) {
        return db.sql("""
                        select n.id, n.title, n.category, n.priority, n.community_id, n.grid_id, n.households_affected
                        from need n
                        where n.community_id = any (:communities) and n.published_at < :yearEnd
                          and not exists (
                              select 1 from project_assignment a join project_list l on l.id = a.project_list_id
                              where a.need_id = n.id and l.year < :year
                                and l.version = (select max(v.version) from project_list v
                                                 where v.year = l.year
                                                   and v.community_id is not distinct from l.community_id
                                                   and v.street_id is not distinct from l.street_id))
                        order by n.published_at, n.id""")
                .bind("communities", communities.toArray(UUID[]::new))
                .bind("year", year)
                .bind("yearEnd", OffsetDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .map(row -> new NeedFacts(row.get("id", UUID.class), row.get("title", String.class),
                        Category.valueOf(row.get("category", String.class)),
                        NeedPriority.valueOf(row.get("priority", String.class)), row.get("community_id", UUID.class),
                        row.get("grid_id", UUID.class),
                        row.get("households_affected", Integer.class)))
                .all().collectList();
    }
}
