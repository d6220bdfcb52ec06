package org.gridgov.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.gridgov.infra.IdentityProvider;
import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;

/** The table printed once everything is ready: where each part listens and where its logs are. */
final class Summary {

    private Summary() {
    }

    static String render(PlatformAddresses addresses, EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka,
            IdentityProvider identity, Path logs, Duration startup) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nGridGov is up (%.1f s).%n%n", startup.toMillis() / 1000.0));
        table.append(String.format("  Console (operators' web app): %s/console/%n%n", addresses.baseUrl(ServiceSpec.GATEWAY)));
        String row = "  %-17s %-5s %-23s %-38s %s%n";
        table.append(String.format(row, "SERVICE", "PORT", "URL", "HEALTH", "API DOCS"));
        for (ServiceSpec service : ServiceSpec.values()) {
            String base = addresses.baseUrl(service);
            table.append(String.format(row, service.module(), addresses.servicePorts().get(service), base,
                    base + "/actuator/health", base + "/v3/api-docs"));
        }
        table.append('\n');
        String line = "  %-17s %s%n";
        table.append(String.format(line, "Kafka bootstrap", kafka.bootstrapServers()));
        table.append(String.format(line, "PostgreSQL", postgres.jdbcUrl("{" + String.join(",", Infrastructure.databases()) + "}")
                + "  user " + postgres.username() + ", password " + postgres.password()));
        table.append(String.format(line, "OIDC issuer", identity.issuerUri() + "  (identity; sign-in "
                + identity.issuerUri() + "/login, persona tokens: POST " + identity.tokenUri() + ")"));
        table.append(String.format(line, "Logs", logs));
        return table.toString();
    }
}
