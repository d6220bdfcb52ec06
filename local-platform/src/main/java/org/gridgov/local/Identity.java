package org.gridgov.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gridgov.infra.IdentityProvider;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;

/**
 * The identity provider ({@code identity} module) on the local platform: started as a child JVM once PostgreSQL
 * has its database, ready before the services start, stopped after them. On the local platform and in the
 * system tests its {@code /local/**} endpoints are on: persona tokens signed with its key, the demo's people,
 * client apps without a service token.
 */
public final class Identity {

    public static final String MODULE = IdentityProvider.MODULE;
    /** The local platform's (and only the local platform's) shared secret of apps-service's own client. */
    public static final String APPS_CLIENT_SECRET = "local-apps-service-client-secret";
    /** And of member-service's own client, which links a resident who registers as a volunteer to their account. */
    public static final String MEMBER_CLIENT_SECRET = "local-member-service-client-secret";

    private Identity() {
    }

    /** What the services are told about the identity provider beyond its issuer URI: their own clients' secrets. */
    public static Map<String, String> serviceEnvironment() {
        return Map.of("IDENTITY_APPS_CLIENT_SECRET", APPS_CLIENT_SECRET, "IDENTITY_MEMBER_CLIENT_SECRET", MEMBER_CLIENT_SECRET);
    }

    public static Path jar(Path repoRoot, String version) {
        return repoRoot.resolve(MODULE).resolve("target").resolve(MODULE + "-" + version + ".jar");
    }

    /** Starts the identity JVM with its database and keys, and waits until it answers as ready. */
    public static IdentityProvider start(Path jar, int port, Path keys, PlatformAddresses addresses, Path logs, Duration timeout) {
        String gateway = addresses.baseUrl(ServiceSpec.GATEWAY);
        return IdentityProvider.builder(jar)
                .port(port)
                .database(addresses.dbHost(), addresses.dbPort(), addresses.dbUser(), addresses.dbPassword(), MODULE)
                .keyDirectory(keys)
                .appsClientSecret(APPS_CLIENT_SECRET)
                .environment("IDENTITY_MEMBER_CLIENT_SECRET", MEMBER_CLIENT_SECRET)
                // the console may be opened as localhost or 127.0.0.1
                .consoleBaseUrls(List.of(gateway, gateway.replace("localhost", "127.0.0.1")))
                // user management asks the owning services whether the nodes, units, members and departments it names exist
                .environment("GRID_SERVICE_URL", addresses.baseUrl(ServiceSpec.GRID))
                .environment("MEMBER_SERVICE_URL", addresses.baseUrl(ServiceSpec.MEMBER))
                .environment("FIELDWORK_SERVICE_URL", addresses.baseUrl(ServiceSpec.FIELDWORK))
                .environment("MANAGEMENT_INFO_PROCESS_ENABLED", "true")
                .jvmFlags(Services.QUICK_START_JVM)
                .log(logs.resolve(MODULE + ".log"))
                .readyWithin(timeout)
                .start();
    }

    /** The issuer of every token: the services' {@code OIDC_ISSUER_URI}. */
    public static String issuerUri(int port) {
        return IdentityProvider.issuerUri(port);
    }
}
