package org.gridgov.grid.importing.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

import org.gridgov.contracts.address.AddressNormaliser;
import org.gridgov.contracts.address.NormalisedAddress;
import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.household.domain.HouseholdKind;
import org.gridgov.grid.importing.domain.ImportDocument.Area;
import org.gridgov.grid.importing.domain.ImportDocument.GridRow;
import org.gridgov.grid.importing.domain.ImportDocument.HubRow;
import org.gridgov.grid.importing.domain.ImportDocument.MicroGridRow;
import org.gridgov.grid.staff.domain.GridRole;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.tree.domain.GridKind;
import org.gridgov.grid.tree.domain.NodeKind;
import org.gridgov.grid.tree.domain.TreeNode;

/**
 * Checks an import document as a whole against what exists and works out the changes it asks for.
 * An import is an upsert by natural keys (area names, node codes, normalised addresses, role per
 * node): rows already in place change nothing, so the same document imported twice is a no-op;
 * what the document does not mention stays as it is.
 */
public record ImportPlanner(Supplier<UUID> newIds) {

    public static final int MAX_PROBLEMS_LISTED = 1000;
    /** 微网格 hold 90–100 households; above this the boundary was surely drawn wrong. */
    public static final int MAX_HOUSEHOLDS_PER_MICRO_GRID = 150;
    /** A 党员中心户 links 20–30 neighbours; above this nobody can keep in touch with them all. */
    public static final int MAX_HOUSEHOLDS_PER_HUB = 40;
    static final int MAX_NAME = 100;
    static final int MAX_CODE = 40;

    /**
     * Whether an admin with this jurisdiction may import the document: it must name their node as
     * its district, street or community, and every area above that node must already exist, so that
     * nobody creates or changes a node above their own.
     */
    public boolean allows(ImportDocument document, CommunitySnapshot existing, Optional<UUID> jurisdiction) {
        Planning planning = new Planning(document, existing);
        return planning.areas() && planning.allows(jurisdiction);
    }

    /** Whether the address can be kept: one with a control character (a NUL, which PostgreSQL refuses) is reported instead. */
    public static boolean storable(NormalisedAddress address) {
        return !Problems.hasControlCharacter(address.key());
    }

    public ImportOutcome plan(ImportDocument document, CommunitySnapshot existing, Optional<UUID> jurisdiction) {
        return new Planning(document, existing).run(jurisdiction);
    }

    /** One document's planning: the state it builds up is only valid for that document. */
    private final class Planning {

        private final ImportDocument document;
        private final CommunitySnapshot existing;
        private final Problems problems = new Problems();
        private final Map<String, SectionCounts> summary = new LinkedHashMap<>();
        private final Set<UUID> usedIds = new HashSet<>();
        private final Map<UUID, TreeNode> existingById = new HashMap<>();
        private final Map<String, TreeNode> existingByCode = new HashMap<>();
        /** The nodes of the community after the import, per kind, by code; parents before children. */
        private final Map<NodeKind, Map<String, TreeNode>> desired = new LinkedHashMap<>();
        private final Map<UUID, TreeNode> desiredById = new HashMap<>();
        /** Where each node inside the community is written in the document, for pointing at it. */
        private final Map<UUID, Integer> documentRow = new HashMap<>();
        private final Map<UUID, Integer> lastHouseholdRow = new HashMap<>();
        private final Set<UUID> hubIds = new HashSet<>();
        private final List<TreeNode> createdNodes = new ArrayList<>();
        private final List<TreeNode> updatedNodes = new ArrayList<>();
        private final List<Link> chain = new ArrayList<>();
        private TreeNode community;

        Planning(ImportDocument document, CommunitySnapshot existing) {
            this.document = document;
            this.existing = existing;
            for (TreeNode node : existing.nodes()) {
                existingById.put(node.id(), node);
                existingByCode.put(node.kind() + ":" + node.code(), node);
            }
        }

        ImportOutcome run(Optional<UUID> jurisdiction) {
            if (areas() && !allows(jurisdiction)) {
                problems.add("community", null, null, "lies outside your jurisdiction");
            }
            if (community != null) {
                gridNodes();
                Map<String, Household> households = households();
                capacities(households);
                StaffChanges staffChanges = staff();
                if (!problems.any()) {
                    return new ImportOutcome(plan(households, staffChanges), List.of(), 0);
                }
            }
            return new ImportOutcome(null, problems.listed(), problems.count());
        }

        /** Finds or creates the district, street and community; false when they cannot be told. */
        boolean areas() {
            TreeNode district = area("district", document.district(), existing.district(), NodeKind.DISTRICT, null);
            TreeNode street = district == null ? null
                    : area("street", document.street(), existing.street(), NodeKind.STREET, district);
            community = street == null ? null
                    : area("community", document.community(), existing.community(), NodeKind.COMMUNITY, street);
            return community != null;
        }

        boolean allows(Optional<UUID> jurisdiction) {
            if (jurisdiction.isEmpty()) {
                return false;
            }
            for (Link link : chain) {
                if (link.id().equals(jurisdiction.get())) {
                    return true;
                }
                if (!link.existed()) {
                    return false;
                }
            }
            return false;
        }

        private TreeNode area(String section, Area row, Optional<TreeNode> found, NodeKind kind, TreeNode parent) {
            if (row == null) {
                problems.add(section, null, null, "is required");
                return null;
            }
            String name = problems.requiredText(section, null, "name", row.name(), MAX_NAME);
            UUID id = problems.optionalUuid(section, null, "id", row.id());
            if (name == null) {
                return null;
            }
            if (found.isPresent()) {
                TreeNode node = found.get();
                if (id != null && !id.equals(node.id())) {
                    problems.add(section, null, "id", "differs from the id of the existing " + word(kind) + " of this name");
                }
                if (node.retired()) {
                    problems.add(section, null, "name", "names a retired " + word(kind));
                }
                chain.add(new Link(node.id(), true));
                count("areas", new SectionCounts(0, 0, 1));
                return node;
            }
            TreeNode node = new TreeNode(newId(section, null, id), kind, name, name,
                    parent == null ? null : parent.id(), parent == null ? List.of() : parent.lineage(), null, null, false);
            chain.add(new Link(node.id(), false));
            createdNodes.add(node);
            count("areas", new SectionCounts(1, 0, 0));
            return node;
        }

        private void gridNodes() {
            for (NodeKind kind : List.of(NodeKind.GRID, NodeKind.MICRO_GRID, NodeKind.HUB_HOUSEHOLD)) {
                desired.put(kind, new LinkedHashMap<>());
            }
            existing.nodes().stream().filter(node -> !node.retired())
                    .forEach(node -> desired.get(node.kind()).put(node.code(), node));
            nodeRows("grids", document.grids(), NodeKind.GRID, GridRow::code, (i, row, code) -> {
                String name = problems.requiredText("grids", i, "name", row.name(), MAX_NAME);
                GridKind kind = problems.requiredEnum("grids", i, "kind", row.kind(), GridKind.class);
                UUID id = nodeId("grids", i, row.id(), NodeKind.GRID, code);
                place("grids", i, new TreeNode(id, NodeKind.GRID, code, name, community.id(), community.lineage(),
                        kind, null, false));
            });
            nodeRows("microGrids", document.microGrids(), NodeKind.MICRO_GRID, MicroGridRow::code, (i, row, code) -> {
                String name = problems.requiredText("microGrids", i, "name", row.name(), MAX_NAME);
                TreeNode grid = reference("microGrids", i, "grid", row.grid(), NodeKind.GRID);
                UUID id = nodeId("microGrids", i, row.id(), NodeKind.MICRO_GRID, code);
                place("microGrids", i, new TreeNode(id, NodeKind.MICRO_GRID, code, name,
                        grid == null ? null : grid.id(), List.of(), null, null, false));
            });
            nodeRows("hubHouseholds", document.hubHouseholds(), NodeKind.HUB_HOUSEHOLD, HubRow::code, (i, row, code) -> {
                String name = problems.requiredText("hubHouseholds", i, "name", row.name(), MAX_NAME);
                TreeNode microGrid = reference("hubHouseholds", i, "microGrid", row.microGrid(), NodeKind.MICRO_GRID);
                UUID memberId = knownMember("hubHouseholds", i,
                        problems.optionalUuid("hubHouseholds", i, "memberId", row.memberId()));
                UUID id = nodeId("hubHouseholds", i, row.id(), NodeKind.HUB_HOUSEHOLD, code);
                place("hubHouseholds", i, new TreeNode(id, NodeKind.HUB_HOUSEHOLD, code, name,
                        microGrid == null ? null : microGrid.id(), List.of(), null, memberId, false));
            });
            if (!problems.any()) {
                diffNodes();
            }
        }

        /** Gives every node its final path (a moved micro-grid takes its hubs along) and compares with what exists. */
        private void diffNodes() {
            Map<NodeKind, String> sections = Map.of(NodeKind.GRID, "grids", NodeKind.MICRO_GRID, "microGrids",
                    NodeKind.HUB_HOUSEHOLD, "hubHouseholds");
            desired.forEach((kind, nodes) -> nodes.replaceAll((code, node) -> {
                TreeNode parent = kind == NodeKind.GRID ? community : desiredById.get(node.parentId());
                TreeNode placed = node.under(parent);
                desiredById.put(placed.id(), placed);
                TreeNode before = existingById.get(placed.id());
                if (before == null) {
                    createdNodes.add(placed);
                    count(sections.get(kind), new SectionCounts(1, 0, 0));
                } else if (!before.equals(placed)) {
                    updatedNodes.add(placed);
                    count(sections.get(kind), new SectionCounts(0, 1, 0));
                } else {
                    count(sections.get(kind), new SectionCounts(0, 0, 1));
                }
                return placed;
            }));
        }

        /** The households of the community after the import, by address. */
        private Map<String, Household> households() {
            Map<String, Household> after = new LinkedHashMap<>();
            Map<String, Household> before = new HashMap<>();
            for (Household household : existing.households()) {
                before.put(household.address(), household);
                if (community.id().equals(household.communityId())) {
                    after.put(household.address(), household);
                }
            }
            Map<String, Integer> rowOfAddress = new HashMap<>();
            eachRow("households", document.households(), (row, i) -> {
                Optional<NormalisedAddress> address = AddressNormaliser.normalise(row.address());
                if (address.isEmpty()) {
                    problems.add("households", i, "address", isBlank(row.address())
                            ? "is required"
                            : "is not an address this service can place: it names no door, building or room number,"
                              + " or is longer than " + AddressNormaliser.MAX_LENGTH + " characters");
                } else if (!storable(address.get())) {
                    problems.add("households", i, "address", Problems.CONTROL_CHARACTER);
                    address = Optional.empty();
                }
                HouseholdKind kind = problems.requiredEnum("households", i, "kind", row.kind(), HouseholdKind.class);
                TreeNode microGrid = reference("households", i, "microGrid", row.microGrid(), NodeKind.MICRO_GRID);
                TreeNode hub = isBlank(row.hub()) ? null
                        : reference("households", i, "hub", row.hub(), NodeKind.HUB_HOUSEHOLD);
                if (hub != null && microGrid != null && !microGrid.id().equals(hub.parentId())) {
                    problems.add("households", i, "hub", "links households of another micro-grid");
                }
                if (address.isEmpty() || microGrid == null) {
                    return;
                }
                lastHouseholdRow.put(microGrid.id(), i);
                if (hub != null) {
                    hubIds.add(hub.id());
                    lastHouseholdRow.put(hub.id(), i);
                }
                String key = address.get().key();
                Integer earlier = rowOfAddress.putIfAbsent(key, i);
                Household previous = before.get(key);
                if (earlier != null) {
                    Household first = after.get(key);
                    problems.add("households", i, "address", first != null && first.microGridId().equals(microGrid.id())
                            ? "is the same address as households[" + earlier + "]"
                            : "is the same address as households[" + earlier + "] but in another micro-grid:"
                              + " an address belongs to one micro-grid");
                } else if (previous != null && !community.id().equals(previous.communityId())) {
                    problems.add("households", i, "address", "is already registered in another community");
                } else {
                    after.put(key, new Household(previous == null ? newIds.get() : previous.id(), kind, key,
                            microGrid.id(), hub == null ? null : hub.id(), community.id()));
                }
            });
            return after;
        }

        /** Flags every micro-grid and hub over its limit, at its own row or else at the last household row filling it. */
        private void capacities(Map<String, Household> households) {
            Map<UUID, Integer> perNode = new HashMap<>();
            for (Household household : households.values()) {
                perNode.merge(household.microGridId(), 1, Integer::sum);
                if (household.hubId() != null) {
                    perNode.merge(household.hubId(), 1, Integer::sum);
                }
            }
            perNode.forEach((nodeId, count) -> {
                boolean hub = hubIds.contains(nodeId);
                int limit = hub ? MAX_HOUSEHOLDS_PER_HUB : MAX_HOUSEHOLDS_PER_MICRO_GRID;
                if (count <= limit) {
                    return;
                }
                String reason = "would hold " + count + " households; a " + (hub ? "hub household" : "micro-grid")
                        + " holds at most " + limit;
                if (documentRow.containsKey(nodeId)) {
                    problems.add(hub ? "hubHouseholds" : "microGrids", documentRow.get(nodeId), "households", reason);
                } else if (lastHouseholdRow.containsKey(nodeId)) {
                    problems.add("households", lastHouseholdRow.get(nodeId), hub ? "hub" : "microGrid", reason);
                }
            });
        }

        private StaffChanges staff() {
            Map<String, StaffAssignment> current = new HashMap<>();
            existing.staff().forEach(holder -> current.put(holder.nodeId() + ":" + holder.role(), holder));
            Map<String, Integer> rowOfRole = new HashMap<>();
            List<StaffAssignment> ended = new ArrayList<>();
            List<StaffAssignment> started = new ArrayList<>();
            eachRow("staff", document.staff(), (row, i) -> {
                GridRole role = problems.requiredEnum("staff", i, "role", row.role(), GridRole.class);
                String name = problems.requiredText("staff", i, "name", row.name(), MAX_NAME);
                UUID memberId = knownMember("staff", i, problems.optionalUuid("staff", i, "memberId", row.memberId()));
                UUID personId = problems.optionalUuid("staff", i, "personId", row.personId());
                if (isBlank(row.personId()) && isBlank(row.memberId())) {
                    problems.add("staff", i, "personId", "is required unless memberId is given");
                }
                personId = personId == null ? memberId : personId;
                if (role == null) {
                    return;
                }
                TreeNode node = role.servesIn() == NodeKind.GRID
                        ? reference("staff", i, "grid", row.grid(), NodeKind.GRID)
                        : reference("staff", i, "microGrid", row.microGrid(), NodeKind.MICRO_GRID);
                if (node == null || name == null || personId == null) {
                    return;
                }
                Integer earlier = rowOfRole.putIfAbsent(node.id() + ":" + role, i);
                if (earlier != null) {
                    problems.add("staff", i, "role", "is already given to staff[" + earlier + "]: one person per role");
                    return;
                }
                StaffAssignment holder = current.get(node.id() + ":" + role);
                StaffAssignment wanted = new StaffAssignment(newIds.get(), node.id(), role, personId, memberId, name);
                if (holder != null && holder.sameHolder(wanted)) {
                    count("staff", new SectionCounts(0, 0, 1));
                    return;
                }
                if (holder != null) {
                    ended.add(holder);
                }
                started.add(wanted);
                count("staff", holder == null ? new SectionCounts(1, 0, 0) : new SectionCounts(0, 1, 0));
            });
            return new StaffChanges(ended, started);
        }

        private ImportPlan plan(Map<String, Household> households, StaffChanges staffChanges) {
            Map<UUID, Household> before = new HashMap<>();
            existing.households().forEach(household -> before.put(household.id(), household));
            List<Household> registered = new ArrayList<>();
            List<Household> moved = new ArrayList<>();
            for (Household household : households.values()) {
                Household previous = before.get(household.id());
                if (previous == null) {
                    registered.add(household);
                } else if (!previous.samePlacement(household)) {
                    moved.add(household);
                }
            }
            int unchanged = (int) document.households().stream().filter(row -> row != null).count()
                    - registered.size() - moved.size();
            count("households", new SectionCounts(registered.size(), moved.size(), unchanged));
            for (String section : List.of("areas", "grids", "microGrids", "hubHouseholds", "staff")) {
                summary.putIfAbsent(section, SectionCounts.NONE);
            }
            return new ImportPlan(community.id(), createdNodes, updatedNodes, registered, moved, staffChanges.ended(),
                    staffChanges.started(), summary);
        }

        /** A node's code, unless it repeats another row's or belongs to a retired node. */
        private String code(String section, int row, String value, NodeKind kind) {
            String code = problems.requiredText(section, row, "code", value, MAX_CODE);
            if (code == null) {
                return null;
            }
            TreeNode known = desired.get(kind).get(code);
            if (known != null && documentRow.containsKey(known.id())) {
                problems.add(section, row, "code", "repeats the code of " + section + "[" + documentRow.get(known.id()) + "]");
                return null;
            }
            TreeNode before = existingByCode.get(kind + ":" + code);
            if (before != null && before.retired()) {
                problems.add(section, row, "code", "belongs to a retired " + word(kind) + "; give a new code");
                return null;
            }
            return code;
        }

        /** The existing node's id for a known code, else the document's id or a new one. */
        private UUID nodeId(String section, int row, String value, NodeKind kind, String code) {
            UUID given = problems.optionalUuid(section, row, "id", value);
            TreeNode before = existingByCode.get(kind + ":" + code);
            if (before == null) {
                return newId(section, row, given);
            }
            if (given != null && !given.equals(before.id())) {
                problems.add(section, row, "id", "differs from the id of the existing " + word(kind) + " with this code");
            }
            return before.id();
        }

        private UUID newId(String section, Integer row, UUID given) {
            if (given == null) {
                return newIds.get();
            }
            if (existing.takenIds().contains(given) || !usedIds.add(given)) {
                problems.add(section, row, "id", "is already the id of another node");
            }
            return given;
        }

        private void place(String section, int row, TreeNode node) {
            desired.get(node.kind()).put(node.code(), node);
            desiredById.put(node.id(), node);
            documentRow.put(node.id(), row);
        }

        /** The node a row refers to by code: written earlier in the document or already in the community. */
        private TreeNode reference(String section, int row, String field, String code, NodeKind kind) {
            if (isBlank(code)) {
                problems.add(section, row, field, "is required");
                return null;
            }
            Map<String, TreeNode> candidates = desired.get(kind);
            TreeNode node = candidates == null ? null : candidates.get(code.strip());
            if (node == null) {
                problems.add(section, row, field, "names no " + word(kind) + " of this document or community");
                return null;
            }
            return desiredById.getOrDefault(node.id(), node);
        }

        /** A party member named by a row must be one member-service has registered: nobody is placed as a ghost. */
        private UUID knownMember(String section, int row, UUID memberId) {
            if (memberId != null && !existing.knownMembers().contains(memberId)) {
                problems.add(section, row, "memberId", "names no party member registered on the platform");
                return null;
            }
            return memberId;
        }

        /** A grid node's row, its index in the section and its checked code. */
        private interface NodeRow<R> {
            void place(int index, R row, String code);
        }

        /** Each row of a section of grid nodes whose code checks out; an empty row or a bad code is a problem. */
        private <R> void nodeRows(String section, List<R> rows, NodeKind kind, Function<R, String> code,
                                  NodeRow<R> place) {
            eachRow(section, rows, (row, i) -> {
                String checked = code(section, i, code.apply(row), kind);
                if (checked != null) {
                    place.place(i, row, checked);
                }
            });
        }

        /** Each row of a section with its index; an empty row is a problem, and skipped. */
        private <R> void eachRow(String section, List<R> rows, ObjIntConsumer<R> each) {
            for (int i = 0; i < rows.size(); i++) {
                R row = rows.get(i);
                if (row == null) {
                    problems.add(section, i, null, "is empty");
                } else {
                    each.accept(row, i);
                }
            }
        }

        private void count(String section, SectionCounts counts) {
            summary.merge(section, counts, SectionCounts::plus);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String word(NodeKind kind) {
        return kind.name().toLowerCase().replace('_', '-');
    }

    private record Link(UUID id, boolean existed) {
    }

    private record StaffChanges(List<StaffAssignment> ended, List<StaffAssignment> started) {
    }
}
