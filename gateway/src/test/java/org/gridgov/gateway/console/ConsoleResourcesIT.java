package org.gridgov.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The operator console as the gateway serves it (the {@code console} module's real build on the classpath):
 * open without a token, deep links answered with the app, hashed assets cached for good and the page itself
 * never, its configuration from the gateway's — while every API call stays protected.
 */
class ConsoleResourcesIT extends GatewayIntegrationTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"/console/(assets/index-[A-Za-z0-9_-]+\\.js)\"");

    @Test
    void the_console_page_is_served_without_a_token_and_revalidated_on_every_load() {
        String page = web.get().uri("/console/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<div id=\"app\"></div>").contains("lang=\"zh-CN\"");
    }

    @Test
    void a_deep_link_of_the_app_gets_the_page_so_a_reload_or_a_shared_link_works() {
        String page = web.get().uri("/console/wishes/6f1c1c43-0000-4000-8000-000000000001").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<div id=\"app\"></div>");
    }

    @Test
    void the_bare_path_is_redirected_to_the_console() {
        web.get().uri("/console").exchange()
                .expectStatus().isPermanentRedirect()
                .expectHeader().location("/console/");
    }

    @Test
    void a_hashed_asset_is_cached_for_a_year_and_a_missing_one_is_a_404_not_the_page() {
        String page = web.get().uri("/console/").exchange().expectBody(String.class).returnResult().getResponseBody();
        Matcher script = SCRIPT.matcher(page);
        assertThat(script.find()).as("the page names its hashed entry script: %s", page).isTrue();

        web.get().uri("/console/" + script.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"))
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable");
        web.get().uri("/console/assets/index-gone.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void the_console_is_told_the_issuer_the_gateway_trusts_and_its_public_client() {
        web.get().uri("/console/config.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.issuer").isEqualTo(infrastructure().issuer().issuerUri())
                .jsonPath("$.clientId").isEqualTo("gridgov-console");
    }

    @Test
    void the_page_may_fetch_from_the_identity_provider_and_nothing_else_beyond_the_gateway() {
        String issuer = infrastructure().issuer().issuerUri().replaceAll("^(https?://[^/]+).*$", "$1");
        String policy = web.get().uri("/console/").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("connect-src 'self' " + issuer + ";").contains("frame-ancestors 'none'");
    }

    @Test
    void only_reading_the_console_is_open_the_api_and_other_methods_still_need_a_token() {
        web.post().uri("/console/config.json").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/wishes").exchange().expectStatus().isUnauthorized();
        web.get().uri("/console/../api/wishes").exchange().expectStatus().value(status -> assertThat(status).isIn(400, 401));
    }
}
