package org.gridgov.identity.server;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import org.gridgov.identity.IdentityProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered clients: the console (public, code + PKCE, set up at every start from the gateway's
 * base URLs), the platform services' own clients (from the settings), and third-party apps (registered
 * and revoked by apps-service). A client's secret is kept only as a hash.
 */
@Component
public class ClientRegistrations implements ApplicationRunner {

    public static final String CONSOLE = "gridgov-console";

    private final RegisteredClientRepository clients;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;

    ClientRegistrations(RegisteredClientRepository clients, JdbcTemplate jdbc, PasswordEncoder passwords,
            IdentityProperties properties) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        registerConsole();
        properties.serviceClients().forEach((clientId, client) -> {
            if (client.secret() != null && !client.secret().isBlank()) {
                register(clientId, client.secret(), scopes(client.scope()), null);
            }
        });
    }

    @Transactional
    public void registerConsole() {
        RegisteredClient existing = clients.findByClientId(CONSOLE);
        RegisteredClient.Builder console = RegisteredClient.withId(existing == null ? UUID.randomUUID().toString() : existing.getId())
                .clientId(CONSOLE)
                .clientName("GridGov 控制台")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenLifetime())
                        .refreshTokenTimeToLive(properties.refreshTokenLifetime())
                        .reuseRefreshTokens(false)
                        .build());
        for (URI base : properties.consoleBaseUrls()) {
            String root = base.toString().replaceAll("/+$", "");
            console.redirectUri(root + "/console/callback");
            console.postLogoutRedirectUri(root + "/console/");
        }
        clients.save(console.build());
    }

    /** The console and the platform's own clients: no app may take their client id. */
    public boolean reserved(String clientId) {
        return CONSOLE.equals(clientId) || properties.serviceClients().containsKey(clientId);
    }

    /** Registers a client app for the client-credentials grant, or replaces its secret, scopes and jurisdiction. */
    @Transactional
    public void register(String clientId, String secret, Set<String> scopes, String jurisdiction) {
        RegisteredClient existing = clients.findByClientId(clientId);
        ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
        if (jurisdiction != null && !jurisdiction.isBlank()) {
            settings.setting(GridgovClaims.JURISDICTION_SETTING, jurisdiction);
        }
        clients.save(RegisteredClient.withId(existing == null ? UUID.randomUUID().toString() : existing.getId())
                .clientId(clientId)
                .clientName(clientId)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(set -> set.addAll(scopes))
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build())
                .build());
    }

    /** Removes the client and every authorization it was given: its secret gets no token any more. */
    @Transactional
    public void revoke(String clientId) {
        RegisteredClient existing = clients.findByClientId(clientId);
        if (existing == null || reserved(clientId)) {
            return;
        }
        jdbc.update("delete from oauth2_authorization where registered_client_id = ?", existing.getId());
        jdbc.update("delete from oauth2_authorization_consent where registered_client_id = ?", existing.getId());
        jdbc.update("delete from oauth2_registered_client where id = ?", existing.getId());
    }

    public static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(scope.strip().split("\\s+")));
    }
}
