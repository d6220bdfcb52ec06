package org.gridgov.committee.activity.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * 按照网格区域N人一组，由网格员带队: the people signed up for an activity put in teams by the grid they live in, at most
 * {@code size} to a team, in the order they signed up; the grid's staff lead its teams. Volunteers are registered with
 * the community, not a grid, so they make the community's own teams after the grids'.
 */
public final class Teams {

    /** The smallest and largest team an organiser may ask for. */
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 50;

    /** A person signed up, with the grid they belong to (none for a volunteer) and its name. */
    public record Placed(Registration registration, UUID gridId, String gridName) {
    }

    /** A team: its name (网格名 + 第N队), the grid whose staff lead it (none: the community's), its people. */
    public record Team(String name, UUID gridId, String gridName, List<Registration> people) {
    }

    private Teams() {
    }

    public static List<Team> byGrid(List<Placed> people, int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw Refusal.invalidField("size", "must be between " + MIN_SIZE + " and " + MAX_SIZE);
        }
        Map<UUID, List<Placed>> byGrid = new LinkedHashMap<>();
        people.stream()
                .sorted(Comparator.comparing((Placed p) -> p.gridId() == null)
                        .thenComparing(p -> Objects.requireNonNullElse(p.gridName(), ""))
                        .thenComparing(p -> p.registration().registeredAt())
                        .thenComparing(p -> p.registration().personId()))
                .forEach(p -> byGrid.computeIfAbsent(p.gridId(), grid -> new ArrayList<>()).add(p));
        List<Team> teams = new ArrayList<>();
        byGrid.forEach((grid, placed) -> {
            String gridName = placed.get(0).gridName();
            for (int from = 0, n = 1; from < placed.size(); from += size, n++) {
                List<Registration> team = placed.subList(from, Math.min(from + size, placed.size())).stream()
                        .map(Placed::registration).toList();
                teams.add(new Team((grid == null ? "社区志愿者" : gridName) + "第" + n + "队", grid, gridName, team));
            }
        });
        return teams;
    }
}
