package org.gridgov.fieldwork.care.domain;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/** One of the 四个一 given to a care recipient by a carer, with a note (sensitive: stored encrypted). */
public record CareContact(UUID id, UUID recipientId, Kind kind, String carer, String note, Instant at) {

    public enum Kind { DAILY_CARE, HOME_VISIT, MONTHLY_DEED, YEARLY_WISH }

    public static final int MAX_NOTE = 2000;

    public static CareContact record(UUID recipientId, Kind kind, String carer, String note, Instant at) {
        if (note == null || note.isBlank() || note.strip().length() > MAX_NOTE) {
            throw Refusal.invalidField("note", "Say what was done, in at most " + MAX_NOTE + " characters.");
        }
        return new CareContact(UUID.randomUUID(), recipientId, kind, carer, note.strip(), at);
    }

    @Override
    public String toString() {
        return "CareContact[" + id + ", " + kind + "]";
    }
}
