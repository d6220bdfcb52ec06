package org.gridgov.fieldwork.visit.domain;

import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A visit's finding made a case (案卷): a finding the visit has (404 else), once (409 naming the case it is already),
 * described as the reporter says or, without a description, as the finding was written.
 */
public record FindingCase(UUID visitId, int finding, String description) {

    /** {@code existingCase}: the case this finding became already, or null. */
    public static FindingCase of(Visit visit, int finding, String description, UUID existingCase) {
        String found = visit.finding(finding);
        if (existingCase != null) {
            throw Refusal.conflict("FINDING_FILED", "This finding is case " + existingCase + " already.");
        }
        return new FindingCase(visit.id(), finding, description == null || description.isBlank() ? found
                : description.strip());
    }
}
