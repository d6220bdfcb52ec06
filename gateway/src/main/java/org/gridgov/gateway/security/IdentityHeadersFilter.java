package org.gridgov.gateway.security;

import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops every incoming header that some proxy or framework reads as "who is calling" before a
 * request goes to a service. The services trust only the bearer token, which they verify
 * themselves, but a forged {@code X-User-Id} or {@code X-Roles} must not even reach them: a
 * later change there, or a library that honours such headers, would turn it into a hole.
 */
@Component
class IdentityHeadersFilter implements HttpHeadersFilter {

    private static final Pattern IDENTITY = Pattern.compile(String.join("|",
            "x-(user|auth|caller|principal|gridgov)[a-z0-9_-]*",
            "x-(roles?|jurisdiction|unit|member|scopes?|client-id|subject|tenant)",
            "x-forwarded-(user|email|groups|preferred-username|access-token)",
            "(x-)?remote-user"), Pattern.CASE_INSENSITIVE);

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!IDENTITY.matcher(name).matches()) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }
}
