package org.gridgov.matching.projectlist.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.GridPlace;
import org.gridgov.matching.fit.domain.ServiceArea;
import org.gridgov.matching.projectlist.domain.Need;
import org.gridgov.matching.projectlist.domain.NeedPriority;
import org.gridgov.matching.projectlist.domain.ProjectListProblem;
import org.gridgov.matching.projectlist.domain.Resource;
import org.gridgov.matching.projectlist.domain.UnitQuota;

/**
 * A seeded district-scale project-list instance shaped like docs/design.md §1: 20 streets, 200 communities
 * of 10 grids, member units spread over the communities with 1–4 resources each (capacity 1–3,
 * serving a grid, their community or their street), needs spread over the grids.
 */
final class District {

    private District() {
    }

    static ProjectListProblem instance(int needs, int units, long seed) {
        Random random = new Random(seed);
        UUID district = UUID.randomUUID();
        List<List<UUID>> communities = new ArrayList<>();   // chain of each community: district, street, community
        List<List<UUID>> grids = new ArrayList<>();         // grids of each community
        for (int s = 0; s < 20; s++) {
            UUID street = UUID.randomUUID();
            for (int c = 0; c < 10; c++) {
                communities.add(List.of(district, street, UUID.randomUUID()));
                List<UUID> ofCommunity = new ArrayList<>();
                for (int g = 0; g < 10; g++) {
                    ofCommunity.add(UUID.randomUUID());
                }
                grids.add(ofCommunity);
            }
        }
        Category[] categories = Category.values();
        List<UnitQuota> quotas = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            UnitQuota quota = new UnitQuota(UUID.randomUUID(), 1, 2);
            quotas.add(quota);
            int community = u % communities.size();
            List<UUID> chain = communities.get(community);
            int items = 1 + random.nextInt(4);
            for (int i = 0; i < items; i++) {
                double where = random.nextDouble();
                List<UUID> area = where < 0.55 ? with(chain, grids.get(community).get(random.nextInt(10)))
                        : where < 0.92 ? chain : chain.subList(0, 2);
                resources.add(new Resource(UUID.randomUUID(), quota.unitId(), categories[random.nextInt(categories.length)],
                        1 + random.nextInt(3), new ServiceArea(List.of(area))));
            }
        }
        List<Need> needList = new ArrayList<>();
        NeedPriority[] priorities = NeedPriority.values();
        for (int n = 0; n < needs; n++) {
            int community = random.nextInt(communities.size());
            List<UUID> chain = communities.get(community);
            UUID grid = grids.get(community).get(random.nextInt(10));
            needList.add(new Need(UUID.randomUUID(), categories[random.nextInt(categories.length)],
                    GridPlace.of(chain, chain.get(2), grid, null), priorities[random.nextInt(priorities.length)],
                    1 + random.nextInt(300)));
        }
        return new ProjectListProblem(needList, resources, quotas);
    }

    private static List<UUID> with(List<UUID> chain, UUID node) {
        List<UUID> longer = new ArrayList<>(chain);
        longer.add(node);
        return longer;
    }
}
