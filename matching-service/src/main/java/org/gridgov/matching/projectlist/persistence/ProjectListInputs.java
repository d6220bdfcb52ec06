package org.gridgov.matching.projectlist.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.matching.fit.domain.Category;
import org.gridgov.matching.fit.domain.GridPlace;
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
import reactor.core.publisher.Mono;

/**
 * What a community's project list for a year is made from, read from the read model: its published
 * needs not yet made a project by an earlier year's list (a need waits until a list takes it), and
 * the units of its Grand Party Committee with the resources they offer that year.
 */
@Component
public class ProjectListInputs {

    private final DatabaseClient db;
    private final CommunityUnits communityUnits;
    private final GridChains gridChains;

    ProjectListInputs(DatabaseClient db, CommunityUnits communityUnits, GridChains gridChains) {
        this.db = db;
        this.communityUnits = communityUnits;
        this.gridChains = gridChains;
    }

    /** The problem and, for the list's readers, the titles and names behind its ids. */
    public record Inputs(ProjectListProblem problem, Map<UUID, NeedFacts> needs, Map<UUID, String> unitNames,
                         Map<UUID, Item> items) {
    }

    public record NeedFacts(UUID id, String title, Category category, NeedPriority priority, UUID gridId,
                            int householdsAffected) {
    }

    public Mono<Inputs> load(UUID communityId, int year, int minPerUnit, int maxPerUnit) {
        return Mono.zip(openNeeds(communityId, year), communityUnits.of(communityId, year)).flatMap(found -> {
            List<NeedFacts> needs = found.getT1();
            List<UnitOffering> units = found.getT2();
            List<UUID> nodes = new ArrayList<>();
            needs.forEach(need -> nodes.add(need.gridId()));
            units.forEach(unit -> unit.items().forEach(item -> nodes.addAll(item.area())));
            return gridChains.of(nodes).map(chains -> inputs(communityId, needs, units, chains, minPerUnit, maxPerUnit));
        });
    }

    private static Inputs inputs(UUID communityId, List<NeedFacts> needFacts, List<UnitOffering> units,
                                 Map<UUID, List<UUID>> chains, int minPerUnit, int maxPerUnit) {
        List<Need> needs = new ArrayList<>();
        Map<UUID, NeedFacts> needsById = new HashMap<>();
        for (NeedFacts need : needFacts) {
            List<UUID> chain = chains.get(need.gridId());
            needs.add(new Need(need.id(), need.category(),
                    GridPlace.of(chain.subList(0, chain.size() - 1), communityId, need.gridId(), null),
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
        return new Inputs(new ProjectListProblem(needs, resources, quotas), needsById, unitNames, items);
    }

    private Mono<List<NeedFacts>> openNeeds(UUID communityId, int year) {
        return db.sql("""
                        select n.id, n.title, n.category, n.priority, n.grid_id, n.households_affected from need n
                        where n.community_id = :community and n.published_at < :yearEnd
                          and not exists (
                              select 1 from project_assignment a join project_list l on l.id = a.project_list_id
                              where a.need_id = n.id and l.community_id = :community and l.year < :year
                                and l.version = (select max(v.version) from project_list v
                                                 where v.community_id = l.community_id and v.year = l.year))
                        order by n.published_at, n.id""")
                .bind("community", communityId)
                .bind("year", year)
                .bind("yearEnd", OffsetDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .map(row -> new NeedFacts(row.get("id", UUID.class), row.get("title", String.class),
                        Category.valueOf(row.get("category", String.class)),
                        NeedPriority.valueOf(row.get("priority", String.class)), row.get("grid_id", UUID.class),
                        row.get("households_affected", Integer.class)))
                .all().collectList();
    }
}
