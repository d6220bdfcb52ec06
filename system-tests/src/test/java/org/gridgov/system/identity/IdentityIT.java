package org.gridgov.system.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gridgov.local.demo.Persona;
import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.SystemPlatform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider on the whole platform: a demo person signs in as the console does and the
 * gateway takes the token; an admin creates a person (the unit and node named checked with member- and
 * grid-service) who then signs in with those claims, and cannot once locked; an app's client credentials work until the app is revoked, then the
 * identity provider refuses them.
 */
class IdentityIT {

    private final SystemPlatform platform = SystemPlatform.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_revoked_apps_client_credentials_are_refused_by_the_identity_provider() throws Exception {
        ApiClient admin = platform.personas().as(Persona.DISTRICT_ADMIN);
        String id = admin.post("/api/apps", """
                {"name":"系统测试应用","scopes":["wishes:read"],"jurisdiction":"%s"}""".formatted(Persona.Ids.COMMUNITY))
                .expect(201).field("id");
        JsonNode credentials = admin.post("/api/apps/" + id + "/credentials", null).expect(200).json();
        String tokenEndpoint = credentials.path("tokenEndpoint").asString();
        String secret = credentials.path("clientSecret").asString();
        assertThat(tokenEndpoint).isEqualTo(platform.identity().issuerUri() + "/oauth2/token");

        HttpResponse<String> before = clientToken(tokenEndpoint, id, secret);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        String token = JsonMapper.shared().readTree(before.body()).path("access_token").asString();
        assertThat(gatewayGet("/api/wishes?limit=1", token).statusCode()).as("the app's token at the gateway").isNotEqualTo(401);

        admin.post("/api/apps/" + id + "/revoke", null).expect(200);

        HttpResponse<String> after = clientToken(tokenEndpoint, id, secret);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JsonMapper.shared().readTree(after.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void a_demo_person_signs_in_as_the_console_does_and_the_gateway_takes_the_token() throws Exception {
        platform.personas();
        String accessToken = signIn("shequ-taiping", "gridgov-demo");

        HttpResponse<String> node = gatewayGet("/api/grid/nodes/" + Persona.Ids.COMMUNITY, accessToken);
        assertThat(node.statusCode()).as(node.body()).isEqualTo(200);
    }

    @Test
    void an_admin_creates_a_person_through_the_gateway_who_then_signs_in_with_the_claims_given() throws Exception {
        ApiClient admin = platform.personas().as(Persona.COMMUNITY_ADMIN);
        String username = "xitong-" + UUID.randomUUID().toString().substring(0, 8);

        // what the request names is checked with the services that own it: no such unit in member-service
        String unknownUnit = UUID.randomUUID().toString();
        JsonNode refused = admin.post("/api/users", """
                {"username":"%s","name":"系统测试单位联络员","roles":["UNIT"],"jurisdiction":"%s","unit":"%s"}"""
                .formatted(username, Persona.Ids.COMMUNITY, unknownUnit)).expect(400).json();
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("unit");
        // nor a grid node grid-service does not know, nor a role above the admin's own
        admin.post("/api/users", """
                {"username":"%s","name":"某人","roles":["RESIDENT"],"jurisdiction":"%s"}"""
                .formatted(username, UUID.randomUUID())).expect(400);
        admin.post("/api/users", """
                {"username":"%s","name":"某人","roles":["DISTRICT_ADMIN"],"jurisdiction":"%s"}"""
                .formatted(username, Persona.Ids.COMMUNITY)).expect(403);
        admin.get("/api/users/" + username).expect(404);

        JsonNode created = admin.post("/api/users", """
                {"username":"%s","name":"系统测试单位联络员","roles":["UNIT"],"jurisdiction":"%s","unit":"%s"}"""
                .formatted(username, Persona.Ids.COMMUNITY, Persona.Ids.UNIT_1)).expect(201).json();
        String password = created.path("initialPassword").asString();
        assertThat(password).isNotBlank();
        assertThat(admin.get("/api/users?q=" + username).expect(200).json().path("items").get(0).path("username").asString())
                .isEqualTo(username);

        // the password the admin was given is changed at the first sign-in, before any code is issued
        String chosen = username + "-own-password";
        String token = signIn(username, password, chosen);
        HttpResponse<String> unit = gatewayGet("/api/units/" + Persona.Ids.UNIT_1, token);
        assertThat(unit.statusCode()).as(unit.body()).isEqualTo(200);
        String[] parts = token.split("\\.");
        JsonNode claims = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("sub").asString()).isEqualTo(username);
        assertThat(claims.path("roles").get(0).asString()).isEqualTo("UNIT");
        assertThat(claims.path("unit").asString()).isEqualTo(Persona.Ids.UNIT_1);

        assertThat(admin.get("/api/users/" + username).expect(200).json().path("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(location(login(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), username, password))).as("the admin's password")
                .endsWith("/login?error");

        // locked by the admin: their own password no longer signs in
        admin.post("/api/users/" + username + "/lock", null).expect(200);
        assertThat(location(login(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), username, chosen))).endsWith("/login?locked-by-admin");
    }

    @Test
    void the_demo_resident_signs_in_and_sees_the_wishes_the_demo_ordered_in_their_name() throws Exception {
        platform.personas();
        String token = signIn("jumin-taiping", "gridgov-demo");

        HttpResponse<String> wishes = gatewayGet("/api/wishes?limit=50", token);
        assertThat(wishes.statusCode()).as(wishes.body()).isEqualTo(200);
        JsonNode items = JsonMapper.shared().readTree(wishes.body()).path("items");
        assertThat(items.size()).as("the demo's wishes of 陈居民: " + wishes.body()).isGreaterThanOrEqualTo(3);
    }

    /** Signs in through the login page with authorization code + PKCE, as the console does; the access token. */
    private String signIn(String username, String password) throws Exception {
        return signIn(username, password, null);
    }

    /**
     * The same; {@code newPassword} not null: the sign-in must lead to choosing one's own password first (an admin set
     * this one), which is done before the console's authorization request resumes.
     */
    private String signIn(String username, String password, String newPassword) throws Exception {
        String issuer = platform.identity().issuerUri();
        String callback = platform.gateway().toString().replaceAll("/$", "") + "/console/callback";
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        HttpResponse<String> authorize = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/authorize?"
                + form(Map.of("response_type", "code", "client_id", "gridgov-console", "scope", "openid profile",
                "state", "s", "redirect_uri", callback, "code_challenge", challenge, "code_challenge_method", "S256"))))
                .header("Accept", "text/html"));
        send(browser, HttpRequest.newBuilder(URI.create(location(authorize))));
        HttpResponse<String> login = login(browser, username, password);
        String next = location(login);
        if (newPassword != null) {
            assertThat(next).as("where the sign-in leads").endsWith("/password");
            HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/password")));
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as(page.body()).isTrue();
            HttpResponse<String> changed = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/password"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("password", newPassword,
                            "confirmation", newPassword, "_csrf", csrf.group(1))))));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
            next = location(changed);
        }
        HttpResponse<String> resumed = send(browser, HttpRequest.newBuilder(URI.create(next)).header("Accept", "text/html"));
        URI redirect = URI.create(location(resumed));
        assertThat(redirect.toString()).startsWith(callback);
        String code = Arrays.stream(redirect.getQuery().split("&")).filter(p -> p.startsWith("code="))
                .map(p -> URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        HttpResponse<String> tokens = send(http, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", callback, "client_id", "gridgov-console", "code_verifier", verifier)))));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(tokens.body()).path("access_token").asString();
    }

    /** Posts the login form (with the page's CSRF token) in this browser. */
    private HttpResponse<String> login(HttpClient browser, String username, String password) throws Exception {
        String issuer = platform.identity().issuerUri();
        String loginPage = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login"))).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();
        return send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username,
                        "password", password, "_csrf", csrf.group(1))))));
    }

    private HttpResponse<String> gatewayGet(String path, String token) throws Exception {
        return send(http, HttpRequest.newBuilder(platform.gateway().resolve(path)).header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> clientToken(String tokenEndpoint, String clientId, String secret) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
