package org.gridgov.member.resource.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class ResourceListRevisionTest {

    private static final UUID COMMUNITY = UUID.randomUUID();
    private static final UUID GRID = UUID.randomUUID();
    private static final UUID OTHER_GRID = UUID.randomUUID();

    private static ResourceListRevision.Draft draft(Category category, String title, int capacity, UUID area) {
        return new ResourceListRevision.Draft(Optional.empty(), category, title, capacity, List.of(area));
    }

    @Test
    void an_item_with_the_same_category_and_title_keeps_its_id_so_its_use_carries_over() {
        List<ResourceItem> first = ResourceListRevision.next(List.of(), List.of(draft(Category.HEALTH, "义诊", 10, COMMUNITY)),
                Map.of(), UUID::randomUUID);
        List<ResourceItem> second = ResourceListRevision.next(first, List.of(draft(Category.HEALTH, " 义诊 ", 12, COMMUNITY),
                draft(Category.HEALTH, "体检", 3, COMMUNITY)), Map.of(first.get(0).itemId(), 4), UUID::randomUUID);
        assertThat(second.get(0).itemId()).isEqualTo(first.get(0).itemId());
        assertThat(second.get(0).capacity()).isEqualTo(12);
        assertThat(second.get(1).itemId()).isNotEqualTo(first.get(0).itemId());
    }

    @Test
    void a_revision_cannot_set_capacity_below_what_was_used() {
        List<ResourceItem> first = ResourceListRevision.next(List.of(), List.of(draft(Category.HEALTH, "义诊", 10, COMMUNITY)),
                Map.of(), UUID::randomUUID);
        assertThatThrownBy(() -> ResourceListRevision.next(first, List.of(draft(Category.HEALTH, "义诊", 3, COMMUNITY)),
                Map.of(first.get(0).itemId(), 4), UUID::randomUUID))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("CAPACITY_BELOW_USE"));
    }

    @Test
    void an_item_id_not_on_the_previous_version_or_a_repeated_item_is_refused() {
        assertThatThrownBy(() -> ResourceListRevision.next(List.of(), List.of(new ResourceListRevision.Draft(
                Optional.of(UUID.randomUUID()), Category.HEALTH, "义诊", 1, List.of(COMMUNITY))), Map.of(), UUID::randomUUID))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ResourceListRevision.next(List.of(), List.of(draft(Category.HEALTH, "义诊", 1, COMMUNITY),
                draft(Category.HEALTH, "义诊", 2, GRID)), Map.of(), UUID::randomUUID))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void a_claimed_wish_uses_the_item_of_its_category_serving_its_place_with_most_left() {
        ResourceItem small = new ResourceItem(UUID.randomUUID(), Category.REPAIRS, "水电维修", 2, List.of(COMMUNITY));
        ResourceItem large = new ResourceItem(UUID.randomUUID(), Category.REPAIRS, "家电维修", 9, List.of(GRID));
        ResourceItem elsewhere = new ResourceItem(UUID.randomUUID(), Category.REPAIRS, "门窗维修", 50, List.of(OTHER_GRID));
        ResourceItem otherKind = new ResourceItem(UUID.randomUUID(), Category.HEALTH, "义诊", 50, List.of(COMMUNITY));
        List<ResourceItem> items = List.of(small, large, elsewhere, otherKind);
        List<UUID> place = List.of(GRID, COMMUNITY);

        assertThat(ResourceListRevision.itemForWish(items, Category.REPAIRS, place, Map.of())).contains(large);
        assertThat(ResourceListRevision.itemForWish(items, Category.REPAIRS, place, Map.of(large.itemId(), 0))).contains(small);
        assertThat(ResourceListRevision.itemForWish(items, Category.REPAIRS, place,
                Map.of(large.itemId(), 0, small.itemId(), 0))).isEmpty();
    }

    @Test
    void a_half_year_list_applies_before_the_years_list() {
        assertThat(Period.parse("2026H2")).isEqualTo(new Period(2026, 2));
        assertThat(Period.parse("2026").toString()).isEqualTo("2026");
        assertThat(Period.applicableOn(LocalDate.of(2026, 8, 1))).containsExactly(Period.parse("2026H2"), Period.parse("2026"));
        assertThatThrownBy(() -> Period.parse("2026H3")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> Period.parse("26")).isInstanceOf(Refusal.class);
    }
}
