package org.gridgov.contracts.events;

import org.gridgov.contracts.EventType;

/**
 * The data of one event type, as a record whose components are the properties of the type's JSON
 * Schema ({@code EventRecordsTest} keeps the two in step). Optional properties are {@link Nullable}
 * components, left out of the JSON when null.
 */
public interface Event {

    /** The type this record is the data of. */
    default EventType eventType() {
        return EventType.of(getClass());
    }
}
