package org.gridgov.grid.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.grid.importing.domain.CommunityDocuments.community;
import static org.gridgov.grid.importing.domain.CommunityDocuments.road;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withGrids;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withHouseholds;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withMicroGrids;
import static org.gridgov.grid.importing.domain.CommunityDocuments.withStaff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument.GridRow;
import org.gridgov.grid.importing.domain.ImportDocument.HouseholdRow;
import org.gridgov.grid.importing.domain.ImportDocument.MicroGridRow;
import org.gridgov.grid.importing.domain.ImportDocument.StaffRow;
import org.gridgov.grid.staff.domain.GridRole;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.domain.TreeNode;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {

    private final AtomicLong ids = new AtomicLong();
    private final ImportPlanner planner = new ImportPlanner(() -> new UUID(42, ids.incrementAndGet()));
    private final UUID districtId = UUID.randomUUID();

    private final ImportDocument document = community(new Area(districtId.toString(), "涪陵区"), new Area(null, "敦仁街道"),
            new Area(null, "太平街社区"));

    private static final CommunitySnapshot NOTHING = CommunitySnapshot.chainOnly(Optional.empty(), Optional.empty(),
            Optional.empty(), Set.of());

    private ImportOutcome planAsDistrictAdmin(ImportDocument doc, CommunitySnapshot existing) {
        return planner.plan(doc, existing, Optional.of(districtId));
    }

    @Test
    void a_new_community_is_planned_with_every_node_household_and_role_holder() {
        ImportOutcome outcome = planAsDistrictAdmin(document, NOTHING);

        assertThat(outcome.rejected()).isFalse();
        ImportPlan plan = outcome.plan();
        assertThat(plan.createdNodes()).extracting(TreeNode::kind).containsExactly(NodeKind.DISTRICT, NodeKind.STREET,
                NodeKind.COMMUNITY, NodeKind.GRID, NodeKind.GRID, NodeKind.MICRO_GRID, NodeKind.MICRO_GRID,
                NodeKind.MICRO_GRID, NodeKind.HUB_HOUSEHOLD, NodeKind.HUB_HOUSEHOLD);
        assertThat(plan.createdNodes().get(0).id()).as("the document's id for the district").isEqualTo(districtId);
        assertThat(plan.registered()).hasSize(16);
        assertThat(plan.started()).hasSize(17);
        assertThat(plan.summary()).containsEntry("areas", new SectionCounts(3, 0, 0))
                .containsEntry("grids", new SectionCounts(2, 0, 0))
                .containsEntry("microGrids", new SectionCounts(3, 0, 0))
                .containsEntry("hubHouseholds", new SectionCounts(2, 0, 0))
                .containsEntry("households", new SectionCounts(16, 0, 0))
                .containsEntry("staff", new SectionCounts(17, 0, 0));
    }

    @Test
    void every_node_knows_its_ancestors_and_every_household_its_micro_grid_and_hub() {
        ImportPlan plan = planAsDistrictAdmin(document, NOTHING).plan();
        Map<String, TreeNode> byCode = byCode(plan.createdNodes());

        TreeNode hub = byCode.get("H1");
        assertThat(hub.path()).containsExactly(districtId, byCode.get("敦仁街道").id(), byCode.get("太平街社区").id(),
                byCode.get("G1").id(), byCode.get("G1-1").id());
        assertThat(hub.parentId()).isEqualTo(byCode.get("G1-1").id());
        Household linked = plan.registered().get(0);
        assertThat(linked.address()).isEqualTo(road(document) + "1号1栋1单元101室");
        assertThat(linked.microGridId()).isEqualTo(byCode.get("G1-1").id());
        assertThat(linked.hubId()).isEqualTo(hub.id());
        assertThat(linked.communityId()).isEqualTo(byCode.get("太平街社区").id());
    }

    @Test
    void importing_what_is_already_there_changes_nothing() {
        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();

        ImportOutcome again = planAsDistrictAdmin(document, applied(first, NOTHING));

        assertThat(again.rejected()).isFalse();
        assertThat(again.plan().writes()).isZero();
        assertThat(again.plan().summary()).containsEntry("areas", new SectionCounts(0, 0, 3))
                .containsEntry("grids", new SectionCounts(0, 0, 2))
                .containsEntry("households", new SectionCounts(0, 0, 16))
                .containsEntry("staff", new SectionCounts(0, 0, 17));
    }

    @Test
    void a_household_placed_in_another_micro_grid_is_moved_and_the_rest_stays() {
        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();
        ImportDocument moved = withHouseholds(document, rows -> {
            HouseholdRow row = rows.get(5);
            rows.set(5, new HouseholdRow(row.address(), row.kind(), "G1-2", "H2"));
            return rows;
        });

        ImportPlan plan = planAsDistrictAdmin(moved, applied(first, NOTHING)).plan();

        assertThat(plan.registered()).isEmpty();
        assertThat(plan.moved()).singleElement().satisfies(household -> {
            assertThat(household.id()).isEqualTo(first.registered().get(5).id());
            assertThat(household.microGridId()).isEqualTo(byCode(first.createdNodes()).get("G1-2").id());
        });
        assertThat(plan.summary()).containsEntry("households", new SectionCounts(0, 1, 15));
    }

    @Test
    void a_micro_grid_moved_to_another_grid_takes_its_hub_households_along() {
        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();
        ImportDocument moved = withMicroGrids(document, rows -> {
            rows.set(0, new MicroGridRow(null, "G1-1", "G2", "一栋"));
            return rows;
        });

        ImportPlan plan = planAsDistrictAdmin(moved, applied(first, NOTHING)).plan();

        Map<String, TreeNode> before = byCode(first.createdNodes());
        assertThat(plan.updatedNodes()).extracting(TreeNode::code).containsExactly("G1-1", "H1");
        assertThat(byCode(plan.updatedNodes()).get("H1").path()).contains(before.get("G2").id())
                .doesNotContain(before.get("G1").id());
        assertThat(plan.moved()).as("households keep their micro-grid").isEmpty();
    }

    @Test
    void a_new_role_holder_ends_the_previous_holders_term() {
        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();
        UUID newChief = UUID.randomUUID();
        ImportDocument changed = withStaff(document, rows -> {
            rows.set(0, new StaffRow("G1", null, "GRID_CHIEF", newChief.toString(), null, "王网格长"));
            return rows;
        });

        ImportPlan plan = planAsDistrictAdmin(changed, applied(first, NOTHING)).plan();

        assertThat(plan.ended()).singleElement().satisfies(ended -> assertThat(ended.id()).isEqualTo(first.started().get(0).id()));
        assertThat(plan.started()).singleElement().satisfies(started -> {
            assertThat(started.personId()).isEqualTo(newChief);
            assertThat(started.role()).isEqualTo(GridRole.GRID_CHIEF);
        });
        assertThat(plan.summary()).containsEntry("staff", new SectionCounts(0, 1, 16));
    }

    @Test
    void repeated_codes_are_reported_at_the_second_row_with_the_first() {
        ImportDocument doc = withGrids(document, rows -> {
            rows.add(new GridRow(null, "G1", "重复", "RESIDENTIAL"));
            return rows;
        });

        assertThat(planAsDistrictAdmin(doc, NOTHING).problems())
                .containsExactly(new ImportProblem("grids", 2, "code", "repeats the code of grids[0]"));
    }

    @Test
    void a_row_naming_an_unknown_parent_is_reported() {
        ImportDocument doc = withMicroGrids(document, rows -> {
            rows.add(new MicroGridRow(null, "G9-1", "G9", "九"));
            return rows;
        });

        assertThat(planAsDistrictAdmin(doc, NOTHING).problems())
                .containsExactly(new ImportProblem("microGrids", 3, "grid", "names no grid of this document or community"));
    }

    @Test
    void every_bad_value_of_a_document_is_reported_with_its_row_and_field() {
        ImportDocument doc = withHouseholds(withGrids(document, rows -> {
            rows.add(new GridRow("not-an-id", "G3", " ", "SUBURBAN"));
            return rows;
        }), rows -> {
            rows.add(new HouseholdRow("太平街", "RESIDENT", "G1-1", null));
            rows.add(new HouseholdRow(road(document) + "99号", "FARM", "G1-1", "H2"));
            rows.add(null);
            return rows;
        });

        ImportOutcome outcome = planAsDistrictAdmin(doc, NOTHING);

        assertThat(outcome.rejected()).isTrue();
        assertThat(outcome.plan()).isNull();
        assertThat(outcome.problems()).extracting(p -> p.section() + "[" + p.row() + "]." + p.field()).containsExactly(
                "grids[2].name", "grids[2].kind", "grids[2].id",
                "households[16].address", "households[17].kind", "households[17].hub", "households[18].null");
        assertThat(outcome.problems().get(1).reason()).isEqualTo("must be one of RESIDENTIAL, COMMERCIAL");
        assertThat(outcome.problems().get(5).reason()).isEqualTo("links households of another micro-grid");
    }

    @Test
    void a_name_code_or_address_with_a_control_character_is_reported() {
        ImportDocument doc = withHouseholds(withGrids(document, rows -> {
            rows.add(new GridRow(null, "G\u00073", "三网格", "RESIDENTIAL"));
            rows.add(new GridRow(null, "G4", "四\u0000网格", "RESIDENTIAL"));
            return rows;
        }), rows -> {
            rows.add(new HouseholdRow(road(document) + "5号1栋\u00001室", "RESIDENT", "G1-1", null));
            return rows;
        });

        ImportOutcome outcome = planAsDistrictAdmin(doc, NOTHING);

        assertThat(outcome.rejected()).isTrue();
        assertThat(outcome.problems()).extracting(p -> p.section() + "[" + p.row() + "]." + p.field() + ": " + p.reason())
                .containsExactly("grids[2].code: contains a control character", "grids[3].name: contains a control character",
                        "households[16].address: contains a control character");
    }

    @Test
    void an_address_in_two_micro_grids_is_reported_without_repeating_the_address() {
        String written = road(document) + "1号1栋1单元101室";
        ImportDocument doc = withHouseholds(document, rows -> {
            rows.add(new HouseholdRow(" " + written.replace("1栋", "1幢"), "RESIDENT", "G2-1", null));
            rows.add(new HouseholdRow(written, "RESIDENT", "G1-1", null));
            return rows;
        });

        List<ImportProblem> problems = planAsDistrictAdmin(doc, NOTHING).problems();

        assertThat(problems).containsExactly(
                new ImportProblem("households", 16, "address",
                        "is the same address as households[0] but in another micro-grid: an address belongs to one micro-grid"),
                new ImportProblem("households", 17, "address", "is the same address as households[0]"));
        assertThat(problems).allSatisfy(problem -> assertThat(problem.reason()).doesNotContain(road(document)));
    }

    @Test
    void an_address_registered_in_another_community_is_refused() {
        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();
        ImportDocument neighbour = community(new Area(districtId.toString(), "涪陵区"), new Area(null, "敦仁街道"),
                new Area(null, "兴华社区"));
        neighbour = withHouseholds(neighbour, rows -> {
            rows.add(new HouseholdRow(document.households().get(0).address(), "RESIDENT", "G1-1", null));
            return rows;
        });
        CommunitySnapshot existing = applied(first, NOTHING);
        CommunitySnapshot neighbourhood = new CommunitySnapshot(existing.district(), existing.street(), Optional.empty(),
                List.of(), existing.households(), List.of(), Set.of(), Set.of());

        assertThat(planAsDistrictAdmin(neighbour, neighbourhood).problems()).containsExactly(
                new ImportProblem("households", 16, "address", "is already registered in another community"));
    }

    @Test
    void a_micro_grid_over_150_households_and_a_hub_over_40_are_flagged() {
        ImportDocument doc = withHouseholds(document, rows -> {
            for (int room = 1; room <= 150; room++) {
                rows.add(new HouseholdRow(road(document) + "1号1栋3单元" + room + "室", "RESIDENT", "G1-1",
                        room <= 38 ? "H1" : null));
            }
            return rows;
        });

        assertThat(planAsDistrictAdmin(doc, NOTHING).problems()).containsExactlyInAnyOrder(
                new ImportProblem("microGrids", 0, "households", "would hold 156 households; a micro-grid holds at most 150"),
                new ImportProblem("hubHouseholds", 0, "households", "would hold 41 households; a hub household holds at most 40"));
    }

    @Test
    void one_person_per_role_and_the_role_in_the_right_kind_of_node() {
        ImportDocument doc = withStaff(document, rows -> {
            rows.add(new StaffRow("G1", null, "GRID_CHIEF", UUID.randomUUID().toString(), null, "第二个网格长"));
            rows.add(new StaffRow("G1", null, "MICRO_GRID_CHIEF", UUID.randomUUID().toString(), null, "网格里的微网格长"));
            rows.add(new StaffRow(null, "G1-1", "MEDIATOR", null, null, "无名"));
            return rows;
        });

        assertThat(planAsDistrictAdmin(doc, NOTHING).problems()).containsExactly(
                new ImportProblem("staff", 17, "role", "is already given to staff[0]: one person per role"),
                new ImportProblem("staff", 18, "microGrid", "is required"),
                new ImportProblem("staff", 19, "personId", "is required unless memberId is given"),
                new ImportProblem("staff", 19, "grid", "is required"));
    }

    @Test
    void a_party_member_the_platform_does_not_know_is_not_placed_as_staff_or_hub() {
        UUID registered = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        ImportDocument doc = withStaff(document, rows -> {
            rows.set(0, new StaffRow(rows.get(0).grid(), rows.get(0).microGrid(), rows.get(0).role(), null,
                    unknown.toString(), rows.get(0).name()));
            return rows;
        });
        CommunitySnapshot knowing = new CommunitySnapshot(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), List.of(), Set.of(), Set.of(registered));

        assertThat(planAsDistrictAdmin(doc, knowing).problems()).containsExactly(
                new ImportProblem("staff", 0, "memberId", "names no party member registered on the platform"));

        ImportDocument withRegistered = withStaff(document, rows -> {
            rows.set(0, new StaffRow(rows.get(0).grid(), rows.get(0).microGrid(), rows.get(0).role(), null,
                    registered.toString(), rows.get(0).name()));
            return rows;
        });
        ImportOutcome outcome = planAsDistrictAdmin(withRegistered, knowing);
        assertThat(outcome.rejected()).isFalse();
        assertThat(outcome.plan().started()).anySatisfy(started -> {
            assertThat(started.memberId()).isEqualTo(registered);
            assertThat(started.personId()).isEqualTo(registered);
        });
    }

    @Test
    void the_code_of_a_retired_node_cannot_be_reused() {
        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();
        CommunitySnapshot existing = applied(first, NOTHING);
        List<TreeNode> nodes = new ArrayList<>(existing.nodes());
        nodes.replaceAll(node -> node.code().equals("H2") ? node.retire() : node);
        CommunitySnapshot withRetiredHub = new CommunitySnapshot(existing.district(), existing.street(),
                existing.community(), nodes, existing.households(), existing.staff(), Set.of(), Set.of());

        assertThat(planAsDistrictAdmin(document, withRetiredHub).problems()).containsExactly(
                new ImportProblem("hubHouseholds", 1, "code", "belongs to a retired hub-household; give a new code"),
                new ImportProblem("households", 6, "hub", "names no hub-household of this document or community"),
                new ImportProblem("households", 7, "hub", "names no hub-household of this document or community"));
    }

    @Test
    void an_id_already_used_elsewhere_or_differing_from_the_existing_nodes_is_refused() {
        UUID taken = UUID.randomUUID();
        ImportDocument doc = withGrids(document, rows -> {
            rows.set(0, new GridRow(taken.toString(), "G1", "一网格", "RESIDENTIAL"));
            return rows;
        });
        CommunitySnapshot takenElsewhere = CommunitySnapshot.chainOnly(Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(taken));

        assertThat(planAsDistrictAdmin(doc, takenElsewhere).problems())
                .containsExactly(new ImportProblem("grids", 0, "id", "is already the id of another node"));

        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();
        assertThat(planAsDistrictAdmin(doc, applied(first, NOTHING)).problems()).containsExactly(
                new ImportProblem("grids", 0, "id", "differs from the id of the existing grid with this code"));
    }

    @Test
    void an_admin_may_import_below_their_node_but_never_create_above_it() {
        ImportPlan first = planAsDistrictAdmin(document, NOTHING).plan();
        CommunitySnapshot existing = applied(first, NOTHING);
        Map<String, TreeNode> nodes = byCode(first.createdNodes());
        UUID street = nodes.get("敦仁街道").id();
        UUID community = nodes.get("太平街社区").id();
        UUID newCommunity = UUID.randomUUID();
        ImportDocument another = community(new Area(null, "涪陵区"), new Area(null, "敦仁街道"),
                new Area(newCommunity.toString(), "兴华社区"));
        CommunitySnapshot streetExists = CommunitySnapshot.chainOnly(existing.district(), existing.street(),
                Optional.empty(), Set.of());
        ImportDocument newStreet = community(new Area(null, "涪陵区"), new Area(street.toString(), "崇义街道"),
                new Area(null, "新社区"));
        CommunitySnapshot onlyDistrictExists = CommunitySnapshot.chainOnly(existing.district(), Optional.empty(),
                Optional.empty(), Set.of());

        assertThat(planner.allows(document, existing, Optional.of(community))).as("own community").isTrue();
        assertThat(planner.allows(document, existing, Optional.of(street))).as("community of own street").isTrue();
        assertThat(planner.allows(another, streetExists, Optional.of(newCommunity))).as("own new community").isTrue();
        assertThat(planner.allows(another, streetExists, Optional.of(community))).as("a neighbour's community").isFalse();
        assertThat(planner.allows(document, NOTHING, Optional.of(UUID.randomUUID()))).as("new district of another").isFalse();
        assertThat(planner.allows(newStreet, onlyDistrictExists, Optional.of(UUID.randomUUID()))).isFalse();
        assertThat(planner.allows(document, existing, Optional.empty())).as("no jurisdiction").isFalse();
        assertThat(planner.plan(document, existing, Optional.of(UUID.randomUUID())).problems())
                .containsExactly(new ImportProblem("community", null, null, "lies outside your jurisdiction"));
    }

    @Test
    void a_broken_document_is_described_by_its_first_thousand_problems() {
        ImportDocument doc = withHouseholds(document, rows -> {
            for (int i = 0; i < 1200; i++) {
                rows.add(new HouseholdRow(road(document) + "5号" + i + "室", "RESIDENT", "nowhere", null));
            }
            return rows;
        });

        ImportOutcome outcome = planAsDistrictAdmin(doc, NOTHING);

        assertThat(outcome.problemCount()).isEqualTo(1200);
        assertThat(outcome.problems()).hasSize(ImportPlanner.MAX_PROBLEMS_LISTED);
    }

    /** What the store holds once {@code plan} is written on top of {@code before}. */
    private static CommunitySnapshot applied(ImportPlan plan, CommunitySnapshot before) {
        Map<UUID, TreeNode> nodes = new LinkedHashMap<>();
        before.nodes().forEach(node -> nodes.put(node.id(), node));
        Optional<TreeNode> district = before.district();
        Optional<TreeNode> street = before.street();
        Optional<TreeNode> community = before.community();
        for (TreeNode node : plan.createdNodes()) {
            switch (node.kind()) {
                case DISTRICT -> district = Optional.of(node);
                case STREET -> street = Optional.of(node);
                case COMMUNITY -> community = Optional.of(node);
                default -> nodes.put(node.id(), node);
            }
        }
        plan.updatedNodes().forEach(node -> nodes.put(node.id(), node));
        Map<UUID, Household> households = new LinkedHashMap<>();
        before.households().forEach(household -> households.put(household.id(), household));
        plan.registered().forEach(household -> households.put(household.id(), household));
        plan.moved().forEach(household -> households.put(household.id(), household));
        Set<StaffAssignment> staff = new HashSet<>(before.staff());
        plan.ended().forEach(staff::remove);
        staff.addAll(plan.started());
        return new CommunitySnapshot(district, street, community, List.copyOf(nodes.values()),
                List.copyOf(households.values()), List.copyOf(staff), Set.of(), before.knownMembers());
    }

    private static Map<String, TreeNode> byCode(List<TreeNode> nodes) {
        return nodes.stream().collect(java.util.stream.Collectors.toMap(TreeNode::code, Function.identity()));
    }
}
