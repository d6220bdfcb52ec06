package org.gridgov.grid.importing.domain;

import java.util.List;

/**
 * Either the plan for a valid document, or why the document was refused as a whole.
 * {@code problemCount} may exceed the problems listed: a broken document is described by its
 * first {@link ImportPlanner#MAX_PROBLEMS_LISTED} problems, enough to see what went wrong.
 */
public record ImportOutcome(ImportPlan plan, List<ImportProblem> problems, int problemCount) {

    public ImportOutcome {
        problems = List.copyOf(problems);
    }

    public boolean rejected() {
        return problemCount > 0;
    }
}
