package org.gridgov.matching.fit.domain;

import static org.gridgov.contracts.Category.CHILD_CARE;
import static org.gridgov.contracts.Category.CULTURE;
import static org.gridgov.contracts.Category.DISABILITY_SUPPORT;
import static org.gridgov.contracts.Category.EDUCATION;
import static org.gridgov.contracts.Category.ELDERLY_CARE;
import static org.gridgov.contracts.Category.EMPLOYMENT;
import static org.gridgov.contracts.Category.ENVIRONMENT;
import static org.gridgov.contracts.Category.HEALTH;
import static org.gridgov.contracts.Category.LEGAL_AID;
import static org.gridgov.contracts.Category.REPAIRS;
import static org.gridgov.contracts.Category.SAFETY;

import java.util.List;
import java.util.Set;

import org.gridgov.contracts.Category;

/**
 * How well what is offered fits what is asked for: the same category, a related one (a resource for
 * the elderly can help with a health need; a school's tutoring with child care), or none.
 */
public enum CategoryFit {
    EXACT, RELATED, NONE;

    // care for people, learning and work, the physical surroundings: the groups whose members can stand in for each other
    private static final List<Set<Category>> RELATED_GROUPS = List.of(
            Set.of(ELDERLY_CARE, HEALTH, DISABILITY_SUPPORT),
            Set.of(CHILD_CARE, EDUCATION, CULTURE),
            Set.of(EDUCATION, EMPLOYMENT, LEGAL_AID),
            Set.of(REPAIRS, SAFETY, ENVIRONMENT));

    // looked up for every need × resource pair of a district: computed once
    private static final CategoryFit[][] TABLE = new CategoryFit[Category.values().length][Category.values().length];

    static {
        for (Category wanted : Category.values()) {
            for (Category offered : Category.values()) {
                boolean related = RELATED_GROUPS.stream().anyMatch(group -> group.contains(wanted) && group.contains(offered));
                TABLE[wanted.ordinal()][offered.ordinal()] = wanted == offered ? EXACT : related ? RELATED : NONE;
            }
        }
    }

    public static CategoryFit of(Category wanted, Category offered) {
        return TABLE[wanted.ordinal()][offered.ordinal()];
    }
}
