package org.gridgov.identity.local;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.identity.InvalidRequest;
import org.gridgov.identity.server.ClientRegistrations;
import org.gridgov.identity.server.GridgovClaims;
import org.gridgov.identity.user.UserAccount;
import org.gridgov.identity.user.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * <strong>Local platform and tests only</strong> ({@code gridgov.identity.local-tokens=true}; never
 * in a deployment): a token for any persona without signing in, signed with this server's key
 * ({@code POST /local/token}, the JSON of the former local issuer); client apps set up without a
 * service token ({@code PUT}/{@code DELETE /local/clients/{id}}); the demo's people
 * ({@code PUT /local/users/{username}}).
 */
@RestController
@ConditionalOnBooleanProperty("gridgov.identity.local-tokens")
class LocalEndpoints {

    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final JwtEncoder jwts;
    private final String issuer;
    private final ClientRegistrations clients;
    private final UserAccounts users;
    private final PasswordEncoder passwords;

    LocalEndpoints(JwtEncoder jwts, @Value("${gridgov.identity.issuer}") String issuer, ClientRegistrations clients,
            UserAccounts users, PasswordEncoder passwords) {
        this.jwts = jwts;
        this.issuer = issuer;
        this.clients = clients;
        this.users = users;
        this.passwords = passwords;
    }

    /**
     * {@code {"sub":"…","roles":["GRID_STAFF"],"jurisdiction":"…","unit":…,"member":…,"scope":…,"department":…,
     * "expiresInSeconds":3600}} → {@code {"access_token":"…","token_type":"Bearer","expires_in":3600}}.
     */
    @PostMapping("/local/token")
    Map<String, Object> token(@RequestBody Map<String, Object> body) {
        String subject = string(body, "sub");
        if (subject == null || subject.isBlank()) {
            throw new InvalidRequest("sub", "\"sub\" is required");
        }
        Duration lifetime = lifetime(body);
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        // a zero or negative lifetime asks for a token that has already expired (tests of its refusal); the
        // encoder insists on issue before expiry, so such a token was issued a minute before it expired
        Instant issuedAt = !lifetime.isNegative() && !lifetime.isZero() ? now : expiresAt.minus(Duration.ofMinutes(1));
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(GridgovClaims.AUDIENCE))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim("roles", strings(body, "roles"));
        for (String name : List.of("jurisdiction", "unit", "member", "scope", "department")) {
            String value = string(body, name);
            if (value != null) {
                claims.claim(name, value);
            }
        }
        String token = jwts.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build(),
                claims.build())).getTokenValue();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", token);
        response.put("token_type", "Bearer");
        response.put("expires_in", lifetime.toSeconds());
        return response;
    }

    @PutMapping("/local/clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void registerClient(@PathVariable String clientId, @RequestBody Map<String, Object> body) {
        String secret = string(body, "secret");
        if (secret == null || secret.isBlank()) {
            throw new InvalidRequest("secret", "\"secret\" is required");
        }
        if (clients.reserved(clientId)) {
            throw new InvalidRequest("clientId", "the console's and the platform services' clients are not set up here");
        }
        clients.register(clientId, secret, ClientRegistrations.scopes(string(body, "scope")), string(body, "jurisdiction"));
    }

    @DeleteMapping("/local/clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeClient(@PathVariable String clientId) {
        clients.revoke(clientId);
    }

    /** {@code {"password":"…","name":"…","roles":[…],"jurisdiction":…,"unit":…,"member":…,"department":…}}. */
    @PutMapping("/local/users/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void putUser(@PathVariable String username, @RequestBody Map<String, Object> body) {
        String password = string(body, "password");
        if (password == null || password.isBlank()) {
            throw new InvalidRequest("password", "\"password\" is required");
        }
        users.save(new UserAccount(username, passwords.encode(password), string(body, "name"), strings(body, "roles"),
                string(body, "jurisdiction"), string(body, "unit"), string(body, "member"), string(body, "department"),
                string(body, "scope"), 0, null, true));
    }

    private static String string(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidRequest(name, "\"" + name + "\" must be a string");
    }

    private static List<String> strings(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new InvalidRequest(name, "\"" + name + "\" must be an array of strings");
    }

    private static Duration lifetime(Map<String, Object> body) {
        Object value = body.get("expiresInSeconds");
        if (value == null) {
            return DEFAULT_LIFETIME;
        }
        if (value instanceof Number seconds && seconds.doubleValue() == Math.rint(seconds.doubleValue())) {
            return Duration.ofSeconds(seconds.longValue());
        }
        throw new InvalidRequest("expiresInSeconds", "\"expiresInSeconds\" must be a whole number");
    }
}
