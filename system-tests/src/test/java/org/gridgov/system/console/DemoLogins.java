package org.gridgov.system.console;

import org.gridgov.local.demo.Persona;

/**
 * The demo people's logins on the identity provider, as {@code ./gridgov start} prints them (the demo's
 * {@code DemoPeople}): one per role of the demo's tokens, with the same claims.
 */
final class DemoLogins {

    static final String PASSWORD = "gridgov-demo";
    /** The district's 区城市管理指挥中心 (no persona of the demo's tokens). */
    static final String DEPARTMENT = "bumen-chengguan";

    private DemoLogins() {
    }

    static String username(Persona persona) {
        return switch (persona) {
            case GRID_STAFF -> "wangge-taiping";
            case COMMUNITY_ADMIN -> "shequ-taiping";
            case UNIT -> "danwei-taiping";
            case DISTRICT_ADMIN -> "quzhang-fuling";
            case RESIDENT -> "jumin-taiping";
            default -> throw new IllegalArgumentException(persona + " does not sign in to the console");
        };
    }
}
