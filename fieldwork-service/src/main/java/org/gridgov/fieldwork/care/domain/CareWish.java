package org.gridgov.fieldwork.care.domain;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;

/**
 * The care recipient's wish of the year (每年一个心愿) as the carer wrote it for the grid's dispatch board: a category and
 * a short title, never who wished it. wish-service orders it as a micro-wish under {@link #wishId()}; the status is the
 * wish's as wish-service last announced it ({@code ORDERED} until it does).
 */
public record CareWish(UUID contactId, UUID recipientId, UUID wishId, Category category, String title, Instant raisedAt,
                       String status, Instant statusAt) {

    public static final int MAX_TITLE = 100;
    public static final String ORDERED = "ORDERED";

    public static CareWish raise(UUID contactId, UUID recipientId, Category category, String title, Instant at) {
        if (category == null) {
            throw Refusal.invalidField("wish.category", "Say which kind of help the wish asks for.");
        }
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw Refusal.invalidField("wish.title", "Write the wish for the dispatch board, in at most " + MAX_TITLE
                    + " characters and without the recipient's name or address.");
        }
        return new CareWish(contactId, recipientId, UUID.randomUUID(), category, title.strip(), at, ORDERED, at);
    }
}
