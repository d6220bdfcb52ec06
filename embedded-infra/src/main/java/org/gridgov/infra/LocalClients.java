package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The client apps the local issuer hands client-credentials tokens to: registered and revoked by
 * the service that owns apps (wish-service), kept beside the signing key when the issuer has a key
 * directory so that they survive a launcher restart. Only a SHA-256 hash of each secret is kept.
 */
final class LocalClients {

    private static final String FILE = "clients.json";

    /** A registered client: what its tokens say (scopes, jurisdiction) and the hash of its secret. */
    record Client(String clientId, String secretHash, Set<String> scopes, String jurisdiction) {
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Path file;

    LocalClients(Path directory) {
        this.file = directory == null ? null : directory.resolve(FILE);
        load();
    }

    synchronized void register(String clientId, String secret, Set<String> scopes, String jurisdiction) {
        clients.put(clientId, new Client(clientId, sha256(secret), Collections.unmodifiableSet(new LinkedHashSet<>(scopes)), jurisdiction));
        save();
    }

    synchronized void revoke(String clientId) {
        if (clients.remove(clientId) != null) {
            save();
        }
    }

    /** The client, if the id is registered and the secret is its secret. */
    Optional<Client> authenticate(String clientId, String secret) {
        Client client = clients.get(clientId);
        if (client == null || secret == null) {
            return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(client.secretHash().getBytes(StandardCharsets.US_ASCII),
                sha256(secret).getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(client) : Optional.empty();
    }

    static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(scope.strip().split("\\s+")));
    }

    private void load() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file));
            for (Map.Entry<String, Object> entry : json.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> client = (Map<String, Object>) entry.getValue();
                clients.put(entry.getKey(), new Client(entry.getKey(), (String) client.get("secretHash"),
                        scopes((String) client.get("scope")), (String) client.get("jurisdiction")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer's clients from " + file, e);
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("unreadable issuer clients in " + file, e);
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        clients.values().forEach(client -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("secretHash", client.secretHash());
            entry.put("scope", String.join(" ", client.scopes()));
            entry.put("jurisdiction", client.jurisdiction());
            json.put(client.clientId(), entry);
        });
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(FILE + ".next");
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, JSONObjectUtils.toJSONString(json));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the issuer's clients in " + file, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
