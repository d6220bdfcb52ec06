package org.gridgov.matching.projectlist.solver;

import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import org.gridgov.matching.projectlist.domain.FlowNetwork;
import org.gridgov.matching.projectlist.domain.MinCostFlowSolver;

/** OR-Tools' min-cost flow (cost scaling, optimal for integer costs) behind the domain's small interface. */
public final class OrToolsMinCostFlowSolver implements MinCostFlowSolver {

    public OrToolsMinCostFlowSolver() {
        // extracts and loads the native library once per JVM; fails here, at startup, on an unsupported platform
        Loader.loadNativeLibraries();
    }

    @Override
    public Flow solve(FlowNetwork network) {
        List<FlowNetwork.Arc> arcs = network.arcs();
        MinCostFlow flow = new MinCostFlow(network.nodeCount(), arcs.size());
        try {
            for (FlowNetwork.Arc arc : arcs) {
                flow.addArcWithCapacityAndUnitCost(arc.from(), arc.to(), arc.capacity(), arc.unitCost());
            }
            for (int node = 0; node < network.nodeCount(); node++) {
                flow.setNodeSupply(node, network.supply(node));
            }
            MinCostFlowBase.Status status = flow.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("min-cost flow not solved to optimality: " + status);
            }
            long[] flows = new long[arcs.size()];
            for (int arc = 0; arc < flows.length; arc++) {
                flows[arc] = flow.getFlow(arc);
            }
            return new Flow(flows, flow.getOptimalCost());
        } finally {
            flow.delete();
        }
    }
}
