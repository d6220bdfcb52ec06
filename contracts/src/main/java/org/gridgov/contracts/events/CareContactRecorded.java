package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.care-recipient.contact-recorded.v1}: Care contact recorded. A carer gave one of the 四个一 (a
 * day's care, a home visit, a month's deed, the year's wish); ids and the kind only — the note stays encrypted in
 * fieldwork-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareContactRecorded(UUID recipientId, UUID contactId, UUID communityId, Kind kind, String carer,
                                  Instant occurredAt) implements Event {

    public enum Kind { DAILY_CARE, HOME_VISIT, MONTHLY_DEED, YEARLY_WISH }
}
