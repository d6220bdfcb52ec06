package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.browser;
import static org.gridgov.identity.IdentityServer.csrf;
import static org.gridgov.identity.IdentityServer.get;
import static org.gridgov.identity.IdentityServer.json;
import static org.gridgov.identity.IdentityServer.location;
import static org.gridgov.identity.IdentityServer.postForm;
import static org.gridgov.identity.IdentityServer.sendJson;
import static org.gridgov.identity.OwningServices.COMMUNITY_1;
import static org.gridgov.identity.OwningServices.COMMUNITY_2;
import static org.gridgov.identity.OwningServices.DEPARTMENT;
import static org.gridgov.identity.OwningServices.DISTRICT;
import static org.gridgov.identity.OwningServices.OTHER_STREET;
import static org.gridgov.identity.OwningServices.STREET;
import static org.gridgov.identity.OwningServices.UNIT;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/users}: admins manage the people within their jurisdiction, never above their own role; what they
 * name must exist; a bad request changes nothing; the people they create, lock, unlock, disable and reset sign in
 * (or not) accordingly.
 */
class UserAdminIT extends IdentityServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_creates_a_person_who_signs_in_with_the_one_time_password_shown_once() throws Exception {
        String district = token("district-admin-1", "DISTRICT_ADMIN", DISTRICT);

        HttpResponse<String> created = send(district, "POST", "/api/users", """
                {"username":"ua-staff-1","name":"网格员一","roles":["GRID_STAFF"],"jurisdiction":"%s"}""".formatted(COMMUNITY_1));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode user = json(created);
        assertThat(user.path("roles").get(0).asString()).isEqualTo("GRID_STAFF");
        assertThat(user.path("jurisdiction").asString()).isEqualTo(COMMUNITY_1);
        assertThat(user.path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("password_hash", "passwordHash", "{bcrypt}");
        String initial = user.path("initialPassword").asString();
        assertThat(initial).hasSizeGreaterThanOrEqualTo(12);
        assertThat(signIn("ua-staff-1", initial)).doesNotContain("/login?");
        assertThat(signIn("ua-staff-1", "not-the-password")).endsWith("/login?error");

        HttpResponse<String> read = send(district, "GET", "/api/users/ua-staff-1", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).has("initialPassword")).isFalse();
        assertThat(read.body()).doesNotContain("{bcrypt}");
        // the services asked were asked with the admin's own token
        assertThat(OwningServices.get().authorizations).contains("Bearer " + district);
    }

    @Test
    void the_list_shows_only_people_within_the_admins_jurisdiction_filtered_and_paged() throws Exception {
        String district = token("district-admin-2", "DISTRICT_ADMIN", DISTRICT);
        create(district, "ua-list-c1-a", "甲", "GRID_STAFF", COMMUNITY_1);
        create(district, "ua-list-c1-b", "乙", "RESIDENT", COMMUNITY_1);
        create(district, "ua-list-c2-a", "丙", "GRID_STAFF", COMMUNITY_2);
        String community1 = token("community-admin-1", "COMMUNITY_ADMIN", COMMUNITY_1);

        assertThat(usernames(send(community1, "GET", "/api/users?q=ua-list", null)))
                .containsExactly("ua-list-c1-a", "ua-list-c1-b");
        assertThat(usernames(send(district, "GET", "/api/users?q=ua-list&role=GRID_STAFF", null)))
                .containsExactly("ua-list-c1-a", "ua-list-c2-a");
        assertThat(usernames(send(district, "GET", "/api/users?q=ua-list&jurisdiction=" + COMMUNITY_2, null)))
                .containsExactly("ua-list-c2-a");
        assertThat(usernames(send(district, "GET", "/api/users?q=" + java.net.URLEncoder.encode("乙", "UTF-8"), null)))
                .containsExactly("ua-list-c1-b");

        List<String> paged = new ArrayList<>();
        String next = "";
        do {
            JsonNode page = json(send(district, "GET", "/api/users?q=ua-list&limit=2" + next, null));
            page.path("items").forEach(item -> paged.add(item.path("username").asString()));
            next = page.has("next") ? "&cursor=" + page.path("next").asString() : null;
        } while (next != null);
        assertThat(paged).containsExactly("ua-list-c1-a", "ua-list-c1-b", "ua-list-c2-a");

        assertThat(send(community1, "GET", "/api/users/ua-list-c2-a", null).statusCode()).isEqualTo(403);
        assertThat(send(community1, "GET", "/api/users/nobody-at-all", null).statusCode()).isEqualTo(404);
    }

    @Test
    void no_admin_grants_a_role_above_their_own_or_reaches_outside_their_jurisdiction() throws Exception {
        String district = token("district-admin-3", "DISTRICT_ADMIN", DISTRICT);
        String street = token("street-admin-3", "STREET_ADMIN", STREET);
        String community = token("community-admin-3", "COMMUNITY_ADMIN", COMMUNITY_1);
        create(district, "ua-esc-street", "街道管理员", "STREET_ADMIN", STREET);
        create(district, "ua-esc-staff", "网格员", "GRID_STAFF", COMMUNITY_1);

        HttpResponse<String> aboveOwn = send(community, "POST", "/api/users", body("ua-esc-1", "STREET_ADMIN", COMMUNITY_1));
        HttpResponse<String> raiseOther = send(community, "PATCH", "/api/users/ua-esc-staff", "{\"roles\":[\"DISTRICT_ADMIN\"]}");
        HttpResponse<String> manageAbove = send(community, "POST", "/api/users/ua-esc-street/lock", null);
        HttpResponse<String> elsewhere = send(community, "POST", "/api/users", body("ua-esc-2", "GRID_STAFF", COMMUNITY_2));
        HttpResponse<String> otherStreet = send(street, "POST", "/api/users", body("ua-esc-3", "GRID_STAFF", OTHER_STREET));
        HttpResponse<String> moveOut = send(community, "PATCH", "/api/users/ua-esc-staff", "{\"jurisdiction\":\"" + COMMUNITY_2 + "\"}");
        for (HttpResponse<String> refused : List.of(aboveOwn, raiseOther, manageAbove, elsewhere, otherStreet, moveOut)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(send(district, "GET", "/api/users/ua-esc-1", null).statusCode()).isEqualTo(404);
        JsonNode staff = json(send(district, "GET", "/api/users/ua-esc-staff", null));
        assertThat(staff.path("roles").get(0).asString()).isEqualTo("GRID_STAFF");
        assertThat(staff.path("jurisdiction").asString()).isEqualTo(COMMUNITY_1);
        assertThat(json(send(district, "GET", "/api/users/ua-esc-street", null)).path("locked").asBoolean()).isFalse();

        // up to their own rank is fine: a street admin makes a community admin, a community admin a peer
        assertThat(send(street, "POST", "/api/users", body("ua-esc-4", "COMMUNITY_ADMIN", COMMUNITY_2)).statusCode()).isEqualTo(201);
        assertThat(send(community, "PATCH", "/api/users/ua-esc-staff", "{\"roles\":[\"GRID_STAFF\",\"COMMUNITY_ADMIN\"]}")
                .statusCode()).isEqualTo(200);

        // not admins at all
        String staffToken = token("grid-staff-3", "GRID_STAFF", COMMUNITY_1);
        assertThat(send(staffToken, "GET", "/api/users", null).statusCode()).isEqualTo(403);
        assertThat(send(staffToken, "POST", "/api/users", body("ua-esc-5", "RESIDENT", COMMUNITY_1)).statusCode()).isEqualTo(403);
        HttpResponse<String> community1List = send(community, "GET", "/api/users?jurisdiction=" + STREET, null);
        assertThat(community1List.statusCode()).as("a node above the admin's own").isEqualTo(403);
        HttpResponse<String> anonymous = sendJson(http, "GET", "/api/users", null);
        HttpResponse<String> forged = sendJson(http, "GET", "/api/users", null, "Authorization", "Bearer not-a-token");
        for (HttpResponse<String> refused : List.of(anonymous, forged)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void bad_input_is_a_400_naming_the_field_a_taken_username_a_409_and_neither_changes_anything() throws Exception {
        String district = token("district-admin-4", "DISTRICT_ADMIN", DISTRICT);
        create(district, "ua-bad-taken", "已有", "RESIDENT", COMMUNITY_1);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("username", "{\"username\":\"Bad Name!\",\"name\":\"x\",\"roles\":[\"RESIDENT\"],\"jurisdiction\":\"" + COMMUNITY_1 + "\"}");
        cases.put("name", "{\"username\":\"ua-bad-1\",\"roles\":[\"RESIDENT\"],\"jurisdiction\":\"" + COMMUNITY_1 + "\"}");
        cases.put("roles", "{\"username\":\"ua-bad-1\",\"name\":\"x\",\"roles\":[\"CLIENT\"],\"jurisdiction\":\"" + COMMUNITY_1 + "\"}");
        cases.put("jurisdiction", "{\"username\":\"ua-bad-1\",\"name\":\"x\",\"roles\":[\"RESIDENT\"],\"jurisdiction\":\"00000000-0000-0000-0000-000000000bad\"}");
        cases.put("unit", "{\"username\":\"ua-bad-1\",\"name\":\"x\",\"roles\":[\"UNIT\"],\"jurisdiction\":\"" + COMMUNITY_1 + "\",\"unit\":\"00000000-0000-0000-0000-000000000bad\"}");
        cases.put("department", "{\"username\":\"ua-bad-1\",\"name\":\"x\",\"roles\":[\"DEPARTMENT\"],\"jurisdiction\":\"" + COMMUNITY_1 + "\"}");
        cases.put("password", "{\"username\":\"ua-bad-1\",\"name\":\"x\",\"roles\":[\"RESIDENT\"],\"jurisdiction\":\"" + COMMUNITY_1 + "\",\"password\":\"short\"}");
        cases.put("passwordHash", "{\"username\":\"ua-bad-1\",\"name\":\"x\",\"roles\":[\"RESIDENT\"],\"jurisdiction\":\"" + COMMUNITY_1 + "\",\"passwordHash\":\"x\"}");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = send(district, "POST", "/api/users", bad.getValue());
            assertThat(response.statusCode()).as(bad.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo(bad.getKey());
        }
        assertThat(send(district, "GET", "/api/users/ua-bad-1", null).statusCode()).isEqualTo(404);

        HttpResponse<String> taken = send(district, "POST", "/api/users", body("ua-bad-taken", "GRID_STAFF", COMMUNITY_2));
        assertThat(taken.statusCode()).isEqualTo(409);
        JsonNode kept = json(send(district, "GET", "/api/users/ua-bad-taken", null));
        assertThat(kept.path("roles").get(0).asString()).isEqualTo("RESIDENT");
        assertThat(kept.path("jurisdiction").asString()).isEqualTo(COMMUNITY_1);

        HttpResponse<String> badUpdate = send(district, "PATCH", "/api/users/ua-bad-taken",
                "{\"name\":\"改了\",\"roles\":[\"UNIT\"],\"unit\":\"00000000-0000-0000-0000-000000000bad\"}");
        assertThat(badUpdate.statusCode()).isEqualTo(400);
        assertThat(json(badUpdate).path("errors").get(0).path("field").asString()).isEqualTo("unit");
        assertThat(json(send(district, "GET", "/api/users/ua-bad-taken", null)).path("name").asString()).isEqualTo("已有");

        assertThat(send(district, "POST", "/api/users/nobody-here/lock", null).statusCode()).isEqualTo(404);
        assertThat(send(district, "GET", "/api/users?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(send(district, "GET", "/api/users?role=KING", null).statusCode()).isEqualTo(400);
        HttpResponse<String> notJson = send(district, "POST", "/api/users", "username=x");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String token = "Bearer " + district;
        List<HttpResponse<String>> unreadable = List.of(
                sendJson(http, "POST", "/api/users", "{}", "Authorization", token, "X-Padding", "x".repeat(20_000)),
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(IdentityServer.ISSUER + "/api/users"))
                        .header("Authorization", token).header("Content-Type", "application/json; charset=no-such-charset")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()),
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(IdentityServer.ISSUER + "/api/users"))
                        .header("Authorization", token).header("Content-Type", "multipart/form-data")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--x")).build(), HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> refused : unreadable) {
            assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(refused.body()).startsWith("application/problem+json");
        }
        HttpResponse<String> badLimit = send(district, "GET", "/api/users?limit=many", null);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void claims_are_checked_with_their_owners_and_each_change_is_audited_by_field_without_values() throws Exception {
        String district = token("district-admin-5", "DISTRICT_ADMIN", DISTRICT);
        create(district, "ua-claims", "单位联络员", "RESIDENT", COMMUNITY_1);

        HttpResponse<String> updated = send(district, "PATCH", "/api/users/ua-claims",
                "{\"roles\":[\"UNIT\",\"DEPARTMENT\"],\"unit\":\"" + UNIT + "\",\"department\":\"" + DEPARTMENT + "\"}");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode user = json(updated);
        assertThat(user.path("unit").asString()).isEqualTo(UNIT);
        assertThat(user.path("department").asString()).isEqualTo(DEPARTMENT);
        assertThat(jdbc.queryForList("select action || ' ' || coalesce(fields, '') from user_audit where username = 'ua-claims' "
                + "order by id", String.class)).containsExactly("create jurisdiction name roles username", "update department roles unit");
        assertThat(jdbc.queryForObject("select actor from user_audit where username = 'ua-claims' order by id desc limit 1",
                String.class)).isEqualTo("district-admin-5");
        assertThat(jdbc.queryForList("select coalesce(fields, '') from user_audit", String.class))
                .noneMatch(fields -> fields.contains("单位联络员") || fields.contains(UNIT));
    }

    @Test
    void locked_disabled_and_reset_accounts_sign_in_as_the_admin_left_them() throws Exception {
        String admin = token("community-admin-6", "COMMUNITY_ADMIN", COMMUNITY_1);
        HttpResponse<String> created = send(admin, "POST", "/api/users",
                "{\"username\":\"ua-life\",\"name\":\"居民\",\"roles\":[\"RESIDENT\"],\"jurisdiction\":\"" + COMMUNITY_1
                        + "\",\"password\":\"first-password-1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).has("initialPassword")).isFalse();
        assertThat(signIn("ua-life", "first-password-1")).doesNotContain("/login?");

        assertThat(json(send(admin, "POST", "/api/users/ua-life/lock", null)).path("locked").asBoolean()).isTrue();
        assertThat(signIn("ua-life", "first-password-1")).endsWith("/login?locked-by-admin");
        assertThat(json(send(admin, "POST", "/api/users/ua-life/unlock", null)).path("locked").asBoolean()).isFalse();
        assertThat(signIn("ua-life", "first-password-1")).doesNotContain("/login?");

        assertThat(json(send(admin, "POST", "/api/users/ua-life/disable", null)).path("enabled").asBoolean()).isFalse();
        assertThat(signIn("ua-life", "first-password-1")).endsWith("/login?disabled");
        assertThat(json(send(admin, "POST", "/api/users/ua-life/enable", null)).path("enabled").asBoolean()).isTrue();

        HttpResponse<String> reset = send(admin, "POST", "/api/users/ua-life/password-reset", null);
        assertThat(reset.statusCode()).isEqualTo(200);
        String newPassword = json(reset).path("initialPassword").asString();
        assertThat(newPassword).isNotBlank();
        assertThat(signIn("ua-life", "first-password-1")).endsWith("/login?error");
        assertThat(signIn("ua-life", newPassword)).doesNotContain("/login?");

        HttpResponse<String> selfLock = send(token("ua-life-admin", "COMMUNITY_ADMIN", COMMUNITY_1), "POST",
                "/api/users/ua-life-admin/lock", null);
        assertThat(selfLock.statusCode()).isIn(404, 409);
    }

    @Test
    void the_api_description_lists_the_user_operations_for_the_gateway_to_merge() throws Exception {
        HttpResponse<String> docs = sendJson(http, "GET", "/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).path("paths");
        assertThat(paths.has("/api/users")).isTrue();
        assertThat(paths.path("/api/users/{username}").has("patch")).isTrue();
        assertThat(paths.path("/api/users/{username}/password-reset").has("post")).isTrue();
        assertThat(paths.has("/oauth2/token")).isFalse();
        assertThat(paths.has("/local/token")).isFalse();
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        return sendJson(http, method, path, json, "Authorization", "Bearer " + token);
    }

    private void create(String admin, String username, String name, String role, String jurisdiction) throws Exception {
        HttpResponse<String> response = send(admin, "POST", "/api/users", """
                {"username":"%s","name":"%s","roles":["%s"],"jurisdiction":"%s"}""".formatted(username, name, role, jurisdiction));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String body(String username, String role, String jurisdiction) {
        return """
                {"username":"%s","name":"某人","roles":["%s"],"jurisdiction":"%s"}""".formatted(username, role, jurisdiction);
    }

    private static List<String> usernames(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(response).path("items").forEach(item -> names.add(item.path("username").asString()));
        return names;
    }

    private String token(String subject, String role, String jurisdiction) throws Exception {
        HttpResponse<String> response = sendJson(http, "POST", "/local/token",
                "{\"sub\":\"" + subject + "\",\"roles\":[\"" + role + "\"],\"jurisdiction\":\"" + jurisdiction + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("access_token").asString();
    }

    /** Signs in through the login form; where the browser is sent next. */
    private static String signIn(String username, String password) throws Exception {
        HttpClient browser = browser();
        String token = csrf(get(browser, "/login").body());
        return location(postForm(browser, "/login", Map.of("username", username, "password", password, "_csrf", token)));
    }
}
