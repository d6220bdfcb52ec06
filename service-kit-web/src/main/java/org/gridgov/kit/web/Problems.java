package org.gridgov.kit.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/** The stable problem {@code type} URIs: one per kind of failure, documented in docs/api.md ("Conventions"). */
public final class Problems {

    private static final String BASE = "https://gridgov.org/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** The default type for a status when no more specific one applies. */
    public static URI typeFor(HttpStatusCode status) {
        return type(switch (status.value()) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "service-unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        });
    }
}
