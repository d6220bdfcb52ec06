package org.gridgov.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TaipingjieCommunityTest {

    private final Map<String, Object> document = TaipingjieCommunity.document();

    @Test
    void the_community_has_the_shape_the_seed_report_describes() {
        assertThat(rows("grids")).extracting(grid -> grid.get("kind"))
                .containsExactly("RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL",
                        "RESIDENTIAL", "COMMERCIAL", "COMMERCIAL", "COMMERCIAL");
        assertThat(rows("microGrids")).hasSize(44);
        assertThat(rows("hubHouseholds")).hasSize(100);
        assertThat(rows("households")).hasSizeBetween(3_900, 4_100);
        assertThat(rows("households")).extracting(household -> household.get("address")).doesNotHaveDuplicates();
    }

    @Test
    void every_grid_has_its_full_one_chief_and_six_officers_and_every_micro_grid_a_chief() {
        Map<Object, List<Object>> rolesByGrid = rows("staff").stream().filter(holder -> holder.containsKey("grid"))
                .collect(Collectors.groupingBy(holder -> holder.get("grid"),
                        Collectors.mapping(holder -> holder.get("role"), Collectors.toList())));
        assertThat(rolesByGrid).hasSize(10).allSatisfy((grid, roles) -> assertThat(roles).containsExactlyInAnyOrder(
                "GRID_CHIEF", "PARTY_INSTRUCTOR", "SAFETY_SANITATION", "MEDIATOR", "FIREFIGHTER", "POLICE", "PATROLLER"));
        assertThat(rows("staff")).filteredOn(holder -> "MICRO_GRID_CHIEF".equals(holder.get("role")))
                .extracting(holder -> holder.get("microGrid"))
                .containsExactlyInAnyOrderElementsOf(rows("microGrids").stream().map(row -> row.get("code")).toList());
    }

    @Test
    void micro_grids_and_hubs_stay_within_what_the_grid_service_accepts() {
        Map<Object, Long> perMicroGrid = rows("households").stream()
                .collect(Collectors.groupingBy(household -> household.get("microGrid"), Collectors.counting()));
        Map<Object, Long> perHub = rows("households").stream().filter(household -> household.containsKey("hub"))
                .collect(Collectors.groupingBy(household -> household.get("hub"), Collectors.counting()));
        assertThat(perMicroGrid.values()).allSatisfy(count -> assertThat(count).isBetween(60L, 150L));
        assertThat(perHub).hasSize(100);
        assertThat(perHub.values()).allSatisfy(count -> assertThat(count).isBetween(15L, 40L));
    }

    @Test
    void the_district_community_and_first_grid_carry_the_ids_the_personas_tokens_name() {
        assertThat(((Map<?, ?>) document.get("district")).get("id")).isEqualTo(Persona.Ids.DISTRICT);
        assertThat(((Map<?, ?>) document.get("community")).get("id")).isEqualTo(Persona.Ids.COMMUNITY);
        assertThat(rows("grids").get(0).get("id")).isEqualTo(Persona.Ids.GRID_1);
        assertThat(TaipingjieCommunity.document()).as("the same document on every launch").isEqualTo(document);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String section) {
        return ((List<Object>) document.get(section)).stream().map(row -> (Map<String, Object>) row)
                .toList();
    }
}
