package org.gridgov.apps.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.gridgov.apps.notification.WeChatBindings;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's WeChat openid for the district's mini-program (its subscription messages): bound by the mini-program
 * after {@code wx.login}, shown back masked, removed on request. Choosing WECHAT in the notification preferences then
 * sends the kinds that have a subscription template.
 */
@RestController
@RequestMapping(path = "/api/me/wechat-binding", produces = "application/json")
@Tag(name = "Notifications", description = "The caller's in-app inbox")
record WeChatBindingController(WeChatBindings bindings, Idempotency idempotency) {

    record BindWeChat(@Schema(description = "The openid WeChat gave the district's mini-program for this person")
                      @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{16,64}") String openId) {
    }

    record WeChatBindingView(boolean bound, @Schema(description = "Masked: the first four characters") String openId) {
    }

    @GetMapping
    @Operation(operationId = "myWeChatBinding", summary = "Whether the caller bound a WeChat openid (shown masked)")
    Mono<WeChatBindingView> get(@AuthenticationPrincipal Caller caller) {
        return bindings.maskedOf(caller).map(masked -> new WeChatBindingView(masked.isPresent(), masked.orElse(null)));
    }

    @PutMapping(consumes = "application/json")
    @Operation(operationId = "bindWeChat", summary = "Binds the caller's WeChat openid for subscription messages")
    Mono<ResponseEntity<WeChatBindingView>> put(@Valid @RequestBody BindWeChat body, @AuthenticationPrincipal Caller caller,
                                                @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.ok(key, caller, "PUT /api/me/wechat-binding " + body.openId().hashCode(), WeChatBindingView.class,
                () -> bindings.bind(caller, body.openId()).then(bindings.maskedOf(caller))
                        .map(masked -> new WeChatBindingView(true, masked.orElse(null))));
    }

    @DeleteMapping
    @Operation(operationId = "unbindWeChat", summary = "Removes the caller's WeChat openid: no more subscription messages")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Caller caller) {
        return bindings.unbind(caller).thenReturn(ResponseEntity.noContent().build());
    }
}
