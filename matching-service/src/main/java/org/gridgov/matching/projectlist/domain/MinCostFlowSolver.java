package org.gridgov.matching.projectlist.domain;

/** Solves a balanced min-cost flow problem to optimality (a library does it; see the solver package). */
public interface MinCostFlowSolver {

    /** The flow on each arc, in the network's arc order, and the total cost; fails unless optimal. */
    Flow solve(FlowNetwork network);

    record Flow(long[] arcFlows, long cost) {
    }
}
