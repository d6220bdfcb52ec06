package org.gridgov.fieldwork.operation.domain;

import java.util.List;

/**
 * The roll call of an operation (点名): per task group and in all, how many were called, acknowledged (on the way or
 * arrived), arrived and unavailable.
 */
public record RollCall(Count total, List<GroupCount> groups) {

    public record Count(int called, int acknowledged, int arrived, int unavailable) {

        static Count of(List<Callee> callees) {
            return new Count(callees.size(), (int) callees.stream().filter(c -> c.status().acknowledged()).count(),
                    (int) callees.stream().filter(c -> c.status() == Callee.Status.ARRIVED).count(),
                    (int) callees.stream().filter(c -> c.status() == Callee.Status.UNAVAILABLE).count());
        }
    }

    public record GroupCount(String name, Count count, List<Callee> callees) {
    }

    public static RollCall of(Operation operation, List<Callee> callees) {
        List<GroupCount> groups = operation.taskGroups().stream().map(group -> {
            List<Callee> inGroup = callees.stream().filter(c -> c.groupName().equals(group.name())).toList();
            return new GroupCount(group.name(), Count.of(inGroup), inGroup);
        }).toList();
        return new RollCall(Count.of(callees), groups);
    }
}
