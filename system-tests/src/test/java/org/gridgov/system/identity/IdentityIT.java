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
 * gateway takes the token; an app's client credentials work until the app is revoked, then the
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
        String loginPage = send(browser, HttpRequest.newBuilder(URI.create(location(authorize)))).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "shequ-taiping",
                        "password", "gridgov-demo", "_csrf", csrf.group(1))))));
        HttpResponse<String> resumed = send(browser, HttpRequest.newBuilder(URI.create(location(login))).header("Accept", "text/html"));
        URI redirect = URI.create(location(resumed));
        assertThat(redirect.toString()).startsWith(callback);
        String code = Arrays.stream(redirect.getQuery().split("&")).filter(p -> p.startsWith("code="))
                .map(p -> URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        HttpResponse<String> tokens = send(http, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", callback, "client_id", "gridgov-console", "code_verifier", verifier)))));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = JsonMapper.shared().readTree(tokens.body()).path("access_token").asString();

        HttpResponse<String> node = gatewayGet("/api/grid/nodes/" + Persona.Ids.COMMUNITY, accessToken);
        assertThat(node.statusCode()).as(node.body()).isEqualTo(200);
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
