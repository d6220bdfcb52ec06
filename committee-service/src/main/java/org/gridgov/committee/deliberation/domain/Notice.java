package org.gridgov.committee.deliberation.domain;

import java.time.Instant;
import java.util.UUID;

/** A disclosure on the community's notice board (决议公开, 实施结果公开): public to anyone signed in and to apps. */
public record Notice(UUID id, UUID deliberationId, UUID communityId, String kind, String title, String text,
                     Instant publishedAt) {
}
