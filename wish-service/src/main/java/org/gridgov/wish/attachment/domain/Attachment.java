package org.gridgov.wish.attachment.domain;

import java.time.Instant;
import java.util.UUID;

/** A photo added to a wish: who added it in which role and when; its bytes are in the object store under {@link #key()}. */
public record Attachment(UUID id, UUID wishId, String contentType, int size, String uploadedByRole, Instant uploadedAt) {

    /** Where the bytes are kept: {@code wishes/<wish id>/<attachment id>}. */
    public String key() {
        return "wishes/" + wishId + "/" + id;
    }

    /** Where the photo is read through the API. */
    public String path() {
        return path(wishId, id);
    }

    public static String path(UUID wishId, UUID id) {
        return "/api/wishes/" + wishId + "/attachments/" + id;
    }
}
