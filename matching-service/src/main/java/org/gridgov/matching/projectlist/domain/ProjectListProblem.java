package org.gridgov.matching.projectlist.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the yearly project list is made from: the open needs, the units' resources and each unit's quota. */
public record ProjectListProblem(List<Need> needs, List<Resource> resources, List<UnitQuota> units) {

    public ProjectListProblem {
        needs = List.copyOf(needs);
        resources = List.copyOf(resources);
        units = List.copyOf(units);
        Set<?> known = units.stream().map(UnitQuota::unitId).collect(Collectors.toSet());
        if (known.size() != units.size()) {
            throw new IllegalArgumentException("a unit has two quotas");
        }
        for (Resource resource : resources) {
            if (!known.contains(resource.unitId())) {
                throw new IllegalArgumentException("resource " + resource.itemId() + " belongs to a unit without a quota");
            }
        }
    }
}
