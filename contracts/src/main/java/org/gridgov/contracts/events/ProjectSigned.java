package org.gridgov.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.signed.v1}: Project signed. The unit signed the project claim agreement
 * (项目认领书) with its milestones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSigned(UUID projectId, UUID communityId, int year, UUID unitId, String agreementNumber,
                            List<Milestone> milestones, Instant occurredAt) implements Event {

    public record Milestone(String title, LocalDate dueDate) {
    }
}
