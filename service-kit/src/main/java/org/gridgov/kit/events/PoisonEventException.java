package org.gridgov.kit.events;

/**
 * An event that can never be applied as it is (not a CloudEvent, unknown type, data not matching
 * its schema). It goes to the dead-letter topic at once instead of being retried.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
