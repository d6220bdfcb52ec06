package org.gridgov.matching.fit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.junit.jupiter.api.Test;

class GridPlaceTest {

    private final UUID district = UUID.randomUUID();
    private final UUID street = UUID.randomUUID();
    private final UUID community = UUID.randomUUID();
    private final UUID grid = UUID.randomUUID();
    private final UUID microGrid = UUID.randomUUID();
    private final GridPlace wish = GridPlace.of(List.of(district, street, community, grid), community, grid, microGrid);

    @Test
    void the_deepest_shared_node_decides_the_distance() {
        assertThat(wish.distanceTo(List.of(district, street, community, grid, microGrid))).isEqualTo(GridDistance.SAME_MICRO_GRID);
        assertThat(wish.distanceTo(List.of(district, street, community, grid, microGrid, UUID.randomUUID())))
                .as("a hub household inside the micro-grid").isEqualTo(GridDistance.SAME_MICRO_GRID);
        assertThat(wish.distanceTo(List.of(district, street, community, grid))).isEqualTo(GridDistance.SAME_GRID);
        assertThat(wish.distanceTo(List.of(district, street, community, grid, UUID.randomUUID())))
                .as("another micro-grid of the grid").isEqualTo(GridDistance.SAME_GRID);
        assertThat(wish.distanceTo(List.of(district, street, community, UUID.randomUUID()))).isEqualTo(GridDistance.SAME_COMMUNITY);
        assertThat(wish.distanceTo(List.of(district, street, community))).isEqualTo(GridDistance.SAME_COMMUNITY);
        assertThat(wish.distanceTo(List.of(district, street))).as("a street-wide area").isEqualTo(GridDistance.WIDER);
        assertThat(wish.distanceTo(List.of(district, street, UUID.randomUUID()))).as("another community")
                .isEqualTo(GridDistance.OUTSIDE);
    }

    @Test
    void a_node_not_yet_in_the_tree_is_still_placed_by_its_own_id() {
        assertThat(wish.distanceTo(List.of(grid))).isEqualTo(GridDistance.SAME_GRID);
        assertThat(wish.distanceTo(List.of(UUID.randomUUID()))).isEqualTo(GridDistance.OUTSIDE);
    }

    @Test
    void an_area_is_as_near_as_its_nearest_node() {
        ServiceArea area = new ServiceArea(List.of(List.of(district, street, UUID.randomUUID()),
                List.of(district, street, community, grid)));

        assertThat(area.distanceTo(wish)).isEqualTo(GridDistance.SAME_GRID);
        assertThat(new ServiceArea(List.of()).distanceTo(wish)).isEqualTo(GridDistance.OUTSIDE);
    }

    @Test
    void categories_fit_exactly_by_relation_or_not_at_all() {
        assertThat(CategoryFit.of(Category.ELDERLY_CARE, Category.ELDERLY_CARE)).isEqualTo(CategoryFit.EXACT);
        assertThat(CategoryFit.of(Category.ELDERLY_CARE, Category.HEALTH)).isEqualTo(CategoryFit.RELATED);
        assertThat(CategoryFit.of(Category.HEALTH, Category.ELDERLY_CARE)).isEqualTo(CategoryFit.RELATED);
        assertThat(CategoryFit.of(Category.REPAIRS, Category.SAFETY)).isEqualTo(CategoryFit.RELATED);
        assertThat(CategoryFit.of(Category.ELDERLY_CARE, Category.REPAIRS)).isEqualTo(CategoryFit.NONE);
        assertThat(CategoryFit.of(Category.DONATION, Category.OTHER)).isEqualTo(CategoryFit.NONE);
    }
}
