package org.gridgov.apps.app.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.apps.app.ClientApps;
import org.gridgov.apps.app.domain.ClientApp;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Client apps: a district admin registers one, issues its credentials, and revokes it. */
@RestController
@RequestMapping(path = "/api/apps", produces = "application/json")
@Tag(name = "Client apps", description = "Third-party apps: scopes, jurisdiction, credentials, revocation")
record AppController(ClientApps apps, Idempotency idempotency) {

    record RegisterApp(@NotBlank @Size(max = ClientApp.MAX_NAME) String name,
                       @NotEmpty @Size(max = 10) List<@NotBlank String> scopes, @NotNull UUID jurisdiction) {
    }

    record AppView(UUID id, String name, List<String> scopes, UUID jurisdiction, String status, Instant registeredAt,
                   Instant credentialsIssuedAt, Instant revokedAt) {

        static AppView of(ClientApp app) {
            return new AppView(app.id(), app.name(), app.scopes().stream().sorted().toList(), app.jurisdiction(),
                    app.status().name(), app.registeredAt(), app.credentialsIssuedAt().orElse(null),
                    app.revokedAt().orElse(null));
        }
    }

    record CredentialsView(UUID clientId, String clientSecret, String tokenEndpoint, String apiKey) {

        static CredentialsView of(ClientApps.Credentials credentials) {
            return new CredentialsView(credentials.clientId(), credentials.clientSecret().orElse(null),
                    credentials.tokenEndpoint().orElse(null), credentials.apiKey());
        }

        /** What is kept for a repeat of the request: the secrets exist only in the first answer. */
        static CredentialsView withoutSecrets(ClientApps.Credentials credentials) {
            return new CredentialsView(credentials.clientId(), null, credentials.tokenEndpoint().orElse(null), null);
        }
    }

    record AppList(List<AppView> items) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "registerApp",
            summary = "A district admin registers an app with scopes and a jurisdiction (grid-tree node)")
    Mono<ResponseEntity<AppView>> register(@Valid @RequestBody RegisterApp request, @AuthenticationPrincipal Caller caller,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        String fingerprint = String.join("\u0000", "POST /api/apps", request.name(),
                String.join(" ", request.scopes().stream().sorted().toList()), request.jurisdiction().toString());
        return idempotency.created(key, caller, fingerprint, AppView.class,
                () -> apps.register(caller, request.name(), request.scopes(), request.jurisdiction()).map(AppView::of),
                view -> "/api/apps/" + view.id());
    }

    @GetMapping
    @Operation(operationId = "listApps", summary = "The apps within the district admin's jurisdiction, newest first")
    Mono<AppList> list(@AuthenticationPrincipal Caller caller) {
        return apps.list(caller).map(AppView::of).collectList().map(AppList::new);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getApp", summary = "An app, for its district admin or the app itself")
    Mono<AppView> get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return apps.find(caller, id).map(AppView::of);
    }

    @PostMapping("/{id}/credentials")
    @Operation(operationId = "issueAppCredentials",
            summary = "Issues new client credentials and a new Open311 API key, shown only in this response;"
            + " the earlier ones stop working. A repeat under the same Idempotency-Key issues nothing new and"
            + " answers without the secrets, which are never stored")
    Mono<ResponseEntity<CredentialsView>> credentials(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        AtomicReference<ClientApps.Credentials> issued = new AtomicReference<>();
        return idempotency.ok(key, caller, "POST /api/apps/" + id + "/credentials", CredentialsView.class,
                        () -> apps.issueCredentials(caller, id).map(credentials -> {
                            issued.set(credentials);
                            return CredentialsView.withoutSecrets(credentials);
                        }))
                .map(stored -> ResponseEntity.status(stored.getStatusCode()).headers(stored.getHeaders())
                        .header("Cache-Control", "no-store")
                        .body(issued.get() == null ? stored.getBody() : CredentialsView.of(issued.get())));
    }

    @PostMapping("/{id}/revoke")
    @Operation(operationId = "revokeApp", summary = "Revokes the app: its API key and tokens are refused at once")
    Mono<ResponseEntity<AppView>> revoke(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.ok(key, caller, "POST /api/apps/" + id + "/revoke", AppView.class,
                () -> apps.revoke(caller, id).map(AppView::of));
    }
}
