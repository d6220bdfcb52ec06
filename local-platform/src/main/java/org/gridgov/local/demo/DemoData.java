package org.gridgov.local.demo;

import java.util.List;

/** Runs the demo steps in order; a failing step is reported and the rest still run. */
public final class DemoData {

    /**
     * The steps, in order: each one reads what the ones before it created (units need the
     * community, wishes need households and units).
     */
    static final List<DemoStep> STEPS = List.of(
            new GridDemo(),
            new MemberDemo(),
            new WishDemo(),
            // the committee's year: the project list of the units' resources and the published needs
            new CommitteeDemo(),
            // last quarter's joint meeting of the committee, with a motion passed and one failed
            new MeetingDemo(),
            // joint activities (活动联办) with volunteers: today's, completed and credited, and next week's
            new ActivityDemo(),
            // field work: the district's departments and cases found in 太平街社区, one in every state
            new FieldworkDemo(),
            // the people who sign in to the console, one per role of the tokens below
            new DemoPeople(),
            new PersonaTokens(),
            // appends the demo app's credentials to the tokens file the step before wrote
            new AppDemo());

    private DemoData() {
    }

    /** Loads every step; the names of the steps that failed (each reported on the console), none when all went well. */
    public static List<String> load(DemoContext context) {
        return load(context, STEPS);
    }

    /** Only the grids, their households and the member units: what the bench orders wishes against. */
    public static List<String> loadPlacesAndUnits(DemoContext context) {
        return load(context, STEPS.subList(0, 2));
    }

    private static List<String> load(DemoContext context, List<DemoStep> steps) {
        List<String> failed = new java.util.ArrayList<>();
        for (DemoStep step : steps) {
            try {
                step.run(context.forStep(step));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(step.name());
                return failed;
            } catch (Exception e) {
                context.out().println("demo step " + step.name() + " failed: " + e);
                failed.add(step.name());
            }
        }
        return failed;
    }
}
