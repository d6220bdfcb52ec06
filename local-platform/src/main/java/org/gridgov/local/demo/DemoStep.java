package org.gridgov.local.demo;

/**
 * One step of the demo data, loaded through the public API via the gateway, never by writing
 * tables. A step must be safe to run again: it sends its writes with
 * {@link DemoContext#post(Persona, String, String, String) idempotency keys} derived from its name
 * and the item, so a second launch finds everything in place and changes nothing.
 */
public interface DemoStep {

    /** Stable across releases: it is part of every idempotency key the step sends. */
    String name();

    void run(DemoContext context) throws Exception;
}
