package org.gridgov.identity;

/** A request the identity provider refuses: a 400 problem naming the field. */
public class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
