package org.gridgov.system.console;

import org.gridgov.local.demo.Persona;

/** The demo personas' logins on the identity provider (what {@code ./gridgov start} prints). */
final class DemoLogins {

    static final String PASSWORD = "gridgov-demo";

    private DemoLogins() {
    }

    static String username(Persona persona) {
        return persona.tokenRequest().subject();
    }
}
