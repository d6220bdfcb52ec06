package org.gridgov.local.demo;

import java.util.List;

/** Runs the demo steps in order; a failing step is reported and the rest still run. */
public final class DemoData {

    /**
     * The steps, in order. Each later one (grid import, member units and resource lists, party
     * members, points store, needs, wishes in every state) goes here once its API exists.
     */
    static final List<DemoStep> STEPS = List.of(
            new PersonaTokens());

    private DemoData() {
    }

    public static void load(DemoContext context) {
        for (DemoStep step : STEPS) {
            try {
                step.run(context.forStep(step));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                context.out().println("demo step " + step.name() + " failed: " + e);
            }
        }
    }
}
