package org.gridgov.identity.client;

import java.util.Map;

import org.gridgov.identity.InvalidRequest;
import org.gridgov.identity.server.ClientRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API apps-service registers and revokes third-party apps' clients through:
 * {@code PUT /internal/clients/{clientId}} with {@code {"secret":"…","scope":"a b","jurisdiction":"…"}},
 * {@code DELETE /internal/clients/{clientId}}. Only with a token of this server carrying the scope
 * {@value #SCOPE}.
 */
@RestController
record ClientAdminApi(ClientRegistrations registrations) {

    static final String SCOPE = "clients:write";
    private static final String CLIENT_ID = "[A-Za-z0-9._:-]{1,100}";

    @PutMapping("/internal/clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void register(@PathVariable String clientId, @RequestBody Map<String, Object> body) {
        put(registrations, clientId, body);
    }

    @DeleteMapping("/internal/clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String clientId) {
        registrations.revoke(checked(clientId));
    }

    /** Checks and applies a client registration; shared with the local platform's {@code /local/clients}. */
    static void put(ClientRegistrations registrations, String clientId, Map<String, Object> body) {
        String secret = string(body, "secret");
        if (secret == null || secret.isBlank()) {
            throw new InvalidRequest("secret", "secret is required");
        }
        if (secret.length() < 16 || secret.length() > 200) {
            throw new InvalidRequest("secret", "secret must be 16 to 200 characters long");
        }
        String scope = string(body, "scope");
        if (scope != null && !scope.isBlank() && !scope.strip().matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+(\\s+[\\x21\\x23-\\x5B\\x5D-\\x7E]+)*")) {
            throw new InvalidRequest("scope", "scope must be space-separated scope names");
        }
        if (registrations.reserved(clientId)) {
            throw new InvalidRequest("clientId", "an app may not take the console's or a platform service's client id");
        }
        if (ClientRegistrations.scopes(scope).contains(SCOPE)) {
            throw new InvalidRequest("scope", "an app may not have the scope " + SCOPE);
        }
        String jurisdiction = string(body, "jurisdiction");
        if (jurisdiction != null && jurisdiction.length() > 100) {
            throw new InvalidRequest("jurisdiction", "jurisdiction must be at most 100 characters long");
        }
        registrations.register(checked(clientId), secret, ClientRegistrations.scopes(scope), jurisdiction);
    }

    static String checked(String clientId) {
        if (!clientId.matches(CLIENT_ID)) {
            throw new InvalidRequest("clientId", "clientId must be 1 to 100 letters, digits or . _ : -");
        }
        return clientId;
    }

    private static String string(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidRequest(field, field + " must be a string");
    }
}
