package org.gridgov.apps.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.apps.notification.Notifications;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every role's in-app inbox. */
@RestController
@RequestMapping(path = "/api/me/notifications", produces = "application/json")
@Tag(name = "Notifications", description = "The caller's in-app inbox")
record NotificationController(Notifications notifications) {

    record NotificationView(UUID id, String kind, String eventType, String subject, String text, Instant createdAt,
                            Instant readAt) {

        static NotificationView of(Notifications.Entry entry) {
            return new NotificationView(entry.id(), entry.kind(), entry.eventType(), entry.subject(), entry.text(),
                    entry.createdAt(), entry.readAt().orElse(null));
        }
    }

    record NotificationList(List<NotificationView> items) {
    }

    @GetMapping
    @Operation(operationId = "myNotifications", summary = "The caller's newest notifications (at most 100), only the unread with unread=true")
    Mono<NotificationList> inbox(@AuthenticationPrincipal Caller caller,
                                 @RequestParam(name = "unread", required = false) Boolean unread) {
        return notifications.inbox(caller, Boolean.TRUE.equals(unread))
                .map(entries -> new NotificationList(entries.stream().map(NotificationView::of).toList()));
    }

    @PostMapping("/{id}/read")
    @Operation(operationId = "readNotification", summary = "Marks one of the caller's notifications read (again: no change)")
    Mono<ResponseEntity<Void>> read(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return notifications.read(caller, id).thenReturn(ResponseEntity.noContent().<Void>build());
    }
}
