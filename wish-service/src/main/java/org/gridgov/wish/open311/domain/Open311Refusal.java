package org.gridgov.wish.open311.domain;

/**
 * A request the GeoReport v2 facade turns down, with the spec's HTTP status (400 bad request, 403
 * api_key, 404 not found) and a description for the app developer. Rendered as the spec's error
 * list {@code [{"code":403,"description":"…"}]}.
 */
public class Open311Refusal extends RuntimeException {

    private final int status;

    public Open311Refusal(int status, String description) {
        super(description, null, false, false);
        this.status = status;
    }

    public static Open311Refusal badRequest(String description) {
        return new Open311Refusal(400, description);
    }

    public static Open311Refusal forbidden(String description) {
        return new Open311Refusal(403, description);
    }

    public static Open311Refusal notFound(String description) {
        return new Open311Refusal(404, description);
    }

    public int status() {
        return status;
    }
}
