package org.gridgov.apps.notification.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridgov.apps.notification.NotificationPreferences;
import org.gridgov.apps.notification.domain.Channel;
import org.gridgov.apps.notification.domain.Preferences;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every role's own notification preferences: channels overall and per kind (the inbox always on), quiet hours. */
@RestController
@RequestMapping(path = "/api/me/notification-preferences", produces = "application/json")
@Tag(name = "Notifications", description = "The caller's in-app inbox")
record PreferenceController(NotificationPreferences preferences, Idempotency idempotency) {

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    @Schema(description = "No text messages from … to … (Asia/Shanghai); across midnight when from is after to."
            + " Urgent notices (an emergency call-out) come anyway.")
    record QuietHoursBody(@NotNull @Pattern(regexp = TIME) String from, @NotNull @Pattern(regexp = TIME) String to) {
    }

    record PreferencesBody(
            @Schema(description = "The channels for every kind of notice; INBOX is always on")
            @NotNull @Size(max = 3) List<@NotNull Channel> channels,
            @Schema(description = "Other channels for some kinds of notice (the kinds of GET /api/me/notifications)")
            @Size(max = 50) Map<@Size(max = 80) String, @NotNull @Size(max = 3) List<@NotNull Channel>> byKind,
            @Valid QuietHoursBody quietHours) {
    }

    record PreferencesView(List<Channel> channels, Map<String, List<Channel>> byKind, QuietHoursBody quietHours,
                           String timeZone) {

        static PreferencesView of(Preferences p, String zone) {
            Map<String, List<Channel>> byKind = new LinkedHashMap<>();
            p.byKind().keySet().stream().sorted().forEach(kind -> byKind.put(kind, sorted(p.byKind().get(kind))));
            return new PreferencesView(sorted(p.channels()), byKind,
                    p.quietHours().map(q -> new QuietHoursBody(q.from().toString(), q.to().toString())).orElse(null), zone);
        }

        private static List<Channel> sorted(Set<Channel> channels) {
            return channels.stream().sorted().toList();
        }
    }

    @GetMapping
    @Operation(operationId = "myNotificationPreferences",
            summary = "The caller's notification channels and quiet hours (the defaults until they choose: inbox and SMS, any hour)")
    Mono<PreferencesView> get(@AuthenticationPrincipal Caller caller) {
        return preferences.of(caller).map(p -> PreferencesView.of(p, preferences.zone().getId()));
    }

    @PutMapping(consumes = "application/json")
    @Operation(operationId = "replaceNotificationPreferences",
            summary = "Replaces the caller's notification channels (overall and per kind) and quiet hours")
    Mono<ResponseEntity<PreferencesView>> put(@Valid @RequestBody PreferencesBody body, @AuthenticationPrincipal Caller caller,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Map<String, Set<Channel>> byKind = new LinkedHashMap<>();
        if (body.byKind() != null) {
            body.byKind().forEach((kind, channels) -> byKind.put(kind, channels.isEmpty()
                    ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels)));
        }
        Set<Channel> channels = body.channels().isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(body.channels());
        Optional<QuietHoursBody> quiet = Optional.ofNullable(body.quietHours());
        return idempotency.ok(key, caller, "PUT /api/me/notification-preferences " + body, PreferencesView.class,
                () -> preferences.replace(caller, channels, byKind, quiet.map(QuietHoursBody::from), quiet.map(QuietHoursBody::to))
                        .map(p -> PreferencesView.of(p, preferences.zone().getId())));
    }
}
