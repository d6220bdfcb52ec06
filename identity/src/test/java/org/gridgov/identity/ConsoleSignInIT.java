package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.CONSOLE_BASE;
import static org.gridgov.identity.IdentityServer.ISSUER;
import static org.gridgov.identity.IdentityServer.browser;
import static org.gridgov.identity.IdentityServer.csrf;
import static org.gridgov.identity.IdentityServer.get;
import static org.gridgov.identity.IdentityServer.json;
import static org.gridgov.identity.IdentityServer.location;
import static org.gridgov.identity.IdentityServer.postForm;
import static org.gridgov.identity.IdentityServer.verify;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console's sign-in as a browser does it: authorization code with PKCE (S256), the login form,
 * the code exchanged with the verifier, then refresh, userinfo, revoke and logout.
 */
class ConsoleSignInIT extends IdentityServerTest {

    private static final String CALLBACK = CONSOLE_BASE + "/console/callback";
    private static final String GRID = "6a1c5c1e-0000-4000-8000-000000000001";

    @BeforeEach
    void people() throws Exception {
        IdentityServer.user("wangge-test", "gridgov-demo", """
                {"name":"王网格","roles":["GRID_STAFF"],"jurisdiction":"%s"}""".formatted(GRID));
    }

    @Test
    void discovery_names_every_endpoint_the_console_uses_and_lets_its_origin_read_it() throws Exception {
        HttpResponse<String> response = get(HttpClient.newHttpClient(), "/.well-known/openid-configuration",
                "Origin", CONSOLE_BASE);
        HttpResponse<String> foreign = get(HttpClient.newHttpClient(), "/.well-known/openid-configuration",
                "Origin", "http://evil.example");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = json(response);
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/jwks");
        assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("revocation_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/revoke");
        assertThat(discovery.path("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(discovery.path("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE_BASE);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void the_token_endpoint_answers_the_consoles_preflight() throws Exception {
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", CONSOLE_BASE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE_BASE);
    }

    @Test
    void a_person_signs_in_with_code_and_pkce_and_gets_tokens_with_the_gridgov_claims() throws Exception {
        HttpClient browser = browser();
        String verifier = verifier();
        JsonNode tokens = signIn(browser, "wangge-test", "gridgov-demo", verifier);

        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isBetween(590L, 600L);
        JWTClaimsSet access = verify(tokens.path("access_token").asString());
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getSubject()).isEqualTo("wangge-test");
        assertThat(access.getAudience()).containsExactly("gridgov");
        assertThat(access.getStringListClaim("roles")).containsExactly("GRID_STAFF");
        assertThat(access.getStringClaim("jurisdiction")).isEqualTo(GRID);
        assertThat(access.getClaims()).doesNotContainKeys("unit", "member", "department");
        JWTClaimsSet id = verify(tokens.path("id_token").asString());
        assertThat(id.getAudience()).containsExactly("gridgov-console");
        assertThat(id.getStringClaim("name")).isEqualTo("王网格");
        assertThat(id.getStringListClaim("roles")).containsExactly("GRID_STAFF");
        assertThat(id.getStringClaim("jurisdiction")).isEqualTo(GRID);

        HttpResponse<String> userInfo = get(HttpClient.newHttpClient(), "/userinfo",
                "Authorization", "Bearer " + tokens.path("access_token").asString(), "Origin", CONSOLE_BASE);
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(json(userInfo).path("name").asString()).isEqualTo("王网格");
        assertThat(json(userInfo).path("jurisdiction").asString()).isEqualTo(GRID);
        assertThat(json(userInfo).path("roles").toString()).isEqualTo("[\"GRID_STAFF\"]");
        assertThat(userInfo.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE_BASE);
    }

    @Test
    void a_code_without_the_right_verifier_gets_no_token() throws Exception {
        HttpClient browser = browser();
        String code = authorizationCode(browser, "wangge-test", "gridgov-demo", verifier());

        HttpResponse<String> response = postForm(browser, "/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "client_id", "gridgov-console", "code_verifier", verifier()));

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(json(response).path("error").asString()).isIn("invalid_grant", "invalid_client");
    }

    @Test
    void the_refresh_token_is_rotated_a_used_one_is_refused_and_a_revoked_one_too() throws Exception {
        JsonNode tokens = signIn(browser(), "wangge-test", "gridgov-demo", verifier());
        String first = tokens.path("refresh_token").asString();
        assertThat(first).isNotBlank();

        HttpResponse<String> refreshed = refresh(first);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode next = json(refreshed);
        String second = next.path("refresh_token").asString();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(verify(next.path("access_token").asString()).getStringListClaim("roles")).containsExactly("GRID_STAFF");

        HttpResponse<String> reused = refresh(first);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).path("error").asString()).isEqualTo("invalid_grant");

        HttpResponse<String> revoked = postForm(HttpClient.newHttpClient(), "/oauth2/revoke", Map.of("token", second,
                "token_type_hint", "refresh_token", "client_id", "gridgov-console"), "Origin", CONSOLE_BASE);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(refresh(second).statusCode()).isEqualTo(400);
    }

    @Test
    void a_person_locked_since_signing_in_gets_no_new_tokens_from_the_refresh_token() throws Exception {
        IdentityServer.user("lockme-test", "gridgov-demo", "{\"roles\":[\"RESIDENT\"]}");
        String refreshToken = signIn(browser(), "lockme-test", "gridgov-demo", verifier()).path("refresh_token").asString();
        HttpClient someoneElse = browser();
        for (int attempt = 0; attempt < 5; attempt++) {
            postForm(someoneElse, "/login", Map.of("username", "lockme-test", "password", "guess-" + attempt,
                    "_csrf", csrf(get(someoneElse, "/login").body())));
        }

        HttpResponse<String> refreshed = refresh(refreshToken);

        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(json(refreshed).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void logout_ends_the_session_and_returns_to_the_console() throws Exception {
        HttpClient browser = browser();
        JsonNode tokens = signIn(browser, "wangge-test", "gridgov-demo", verifier());

        HttpResponse<String> logout = get(browser, "/connect/logout?id_token_hint=" + tokens.path("id_token").asString()
                + "&post_logout_redirect_uri=" + URLEncoder.encode(CONSOLE_BASE + "/console/", StandardCharsets.UTF_8));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo(CONSOLE_BASE + "/console/");

        HttpResponse<String> again = get(browser, authorizeUrl(challenge(verifier())), "Accept", "text/html");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(location(again)).endsWith("/login");
    }

    @Test
    void a_redirect_uri_the_console_was_not_registered_with_is_refused() throws Exception {
        HttpResponse<String> response = get(browser(), ISSUER + "/oauth2/authorize?response_type=code&client_id=gridgov-console"
                + "&scope=openid&state=s&code_challenge_method=S256&code_challenge=" + challenge(verifier())
                + "&redirect_uri=" + URLEncoder.encode("http://evil.example/console/callback", StandardCharsets.UTF_8),
                "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    /** The whole browser flow; answers the token response. */
    static JsonNode signIn(HttpClient browser, String username, String password, String verifier) throws Exception {
        String code = authorizationCode(browser, username, password, verifier);
        HttpResponse<String> token = postForm(browser, "/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "client_id", "gridgov-console", "code_verifier", verifier),
                "Origin", CONSOLE_BASE);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE_BASE);
        return json(token);
    }

    private static String authorizationCode(HttpClient browser, String username, String password, String verifier)
            throws Exception {
        HttpResponse<String> authorize = get(browser, authorizeUrl(challenge(verifier)), "Accept", "text/html");
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(ISSUER + "/login");
        HttpResponse<String> loginPage = get(browser, location(authorize));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> login = postForm(browser, "/login",
                Map.of("username", username, "password", password, "_csrf", csrf(loginPage.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        String resumed = location(login);
        assertThat(resumed).contains("/oauth2/authorize");
        HttpResponse<String> callback = get(browser, resumed, "Accept", "text/html");
        assertThat(callback.statusCode()).isEqualTo(302);
        URI redirect = URI.create(location(callback));
        assertThat(redirect.toString()).startsWith(CALLBACK + "?");
        assertThat(redirect.getQuery()).contains("state=state-1");
        return java.util.Arrays.stream(redirect.getQuery().split("&")).filter(p -> p.startsWith("code="))
                .map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        return postForm(HttpClient.newHttpClient(), "/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", "gridgov-console"), "Origin", CONSOLE_BASE);
    }

    private static String authorizeUrl(String challenge) {
        return ISSUER + "/oauth2/authorize?response_type=code&client_id=gridgov-console&scope="
                + URLEncoder.encode("openid profile", StandardCharsets.UTF_8) + "&state=state-1&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&code_challenge_method=S256&code_challenge=" + challenge;
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
