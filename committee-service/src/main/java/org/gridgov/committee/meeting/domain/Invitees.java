package org.gridgov.committee.meeting.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who is invited: member units and party members (who attend and vote) and functional departments (who are heard). */
public record Invitees(List<UUID> unitIds, List<UUID> memberIds, List<String> departmentNames) {

    public Invitees {
        unitIds = List.copyOf(new LinkedHashSet<>(unitIds));
        memberIds = List.copyOf(new LinkedHashSet<>(memberIds));
        departmentNames = List.copyOf(new LinkedHashSet<>(departmentNames));
    }

    /** Those who may attend and vote: the invited units and party members. */
    public Set<UUID> eligible() {
        Set<UUID> eligible = new LinkedHashSet<>(unitIds);
        eligible.addAll(memberIds);
        return eligible;
    }
}
