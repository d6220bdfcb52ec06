package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.CONSOLE_BASE;
import static org.gridgov.identity.IdentityServer.ISSUER;
import static org.gridgov.identity.IdentityServer.browser;
import static org.gridgov.identity.IdentityServer.csrf;
import static org.gridgov.identity.IdentityServer.get;
import static org.gridgov.identity.IdentityServer.location;
import static org.gridgov.identity.IdentityServer.postForm;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person whose password an admin set signs in, is sent to choose their own before the console gets a code, cannot
 * get around it, and signs in with the new one afterwards — the admin's no longer works.
 */
class PasswordChangeIT extends IdentityServerTest {

    private static final String GRID = "6a1c5c1e-0000-4000-8000-000000000003";
    private static final String INITIAL = "initial-password-1";
    private static final String CHOSEN = "my-own-password-2";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void an_admins_password_is_changed_at_the_first_sign_in_before_any_code_is_issued() throws Exception {
        IdentityServer.user("wangge-newpass", INITIAL, """
                {"name":"新网格员","roles":["GRID_STAFF"],"jurisdiction":"%s"}""".formatted(GRID));
        jdbc.update("update user_account set password_change_required = true where username = ?", "wangge-newpass");
        HttpClient browser = browser();
        String authorize = authorizeUrl();

        HttpResponse<String> signedIn = signIn(browser, authorize, "wangge-newpass", INITIAL);
        assertThat(location(signedIn)).endsWith("/password");
        // the authorization endpoint, asked again directly, sends back to the password page: no code yet
        HttpResponse<String> again = get(browser, authorize, "Accept", "text/html");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(location(again)).endsWith("/password");

        HttpResponse<String> page = get(browser, "/password");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"").contains("<label for=\"password\">").contains("初始密码");
        HttpResponse<String> mismatch = postForm(browser, "/password", Map.of("password", CHOSEN, "confirmation", "something-else",
                "_csrf", csrf(page.body())));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("role=\"alert\"").contains("不一致");
        HttpResponse<String> same = postForm(browser, "/password", Map.of("password", INITIAL, "confirmation", INITIAL,
                "_csrf", csrf(mismatch.body())));
        assertThat(same.statusCode()).isEqualTo(400);
        HttpResponse<String> tooShort = postForm(browser, "/password", Map.of("password", "short", "confirmation", "short",
                "_csrf", csrf(same.body())));
        assertThat(tooShort.statusCode()).isEqualTo(400);

        HttpResponse<String> changed = postForm(browser, "/password", Map.of("password", CHOSEN, "confirmation", CHOSEN,
                "_csrf", csrf(tooShort.body())));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(location(changed)).contains("/oauth2/authorize");
        HttpResponse<String> code = get(browser, location(changed), "Accept", "text/html");
        assertThat(code.statusCode()).isEqualTo(302);
        assertThat(location(code)).startsWith(CONSOLE_BASE + "/console/callback?").contains("code=");

        assertThat(location(signIn(browser(), authorizeUrl(), "wangge-newpass", INITIAL))).endsWith("/login?error");
        assertThat(location(signIn(browser(), authorizeUrl(), "wangge-newpass", CHOSEN))).contains("/oauth2/authorize");
        assertThat(jdbc.queryForObject("select password_change_required from user_account where username = ?", Boolean.class,
                "wangge-newpass")).isFalse();
    }

    @Test
    void a_person_without_a_password_to_change_goes_straight_on_and_has_nothing_to_post() throws Exception {
        IdentityServer.user("wangge-settled", INITIAL, """
                {"name":"老网格员","roles":["GRID_STAFF"],"jurisdiction":"%s"}""".formatted(GRID));
        HttpClient browser = browser();

        assertThat(location(signIn(browser, authorizeUrl(), "wangge-settled", INITIAL))).contains("/oauth2/authorize");
        HttpResponse<String> page = get(browser, "/password");
        HttpResponse<String> post = postForm(browser, "/password", Map.of("password", CHOSEN, "confirmation", CHOSEN,
                "_csrf", csrf(page.body())));
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(location(post)).isEqualTo(URI.create(CONSOLE_BASE).resolve("/console/").toString());
        assertThat(location(signIn(browser(), authorizeUrl(), "wangge-settled", INITIAL))).contains("/oauth2/authorize");
    }

    private static HttpResponse<String> signIn(HttpClient browser, String authorize, String username, String password)
            throws Exception {
        HttpResponse<String> start = get(browser, authorize, "Accept", "text/html");
        assertThat(location(start)).isEqualTo(ISSUER + "/login");
        HttpResponse<String> loginPage = get(browser, "/login");
        HttpResponse<String> login = postForm(browser, "/login",
                Map.of("username", username, "password", password, "_csrf", csrf(loginPage.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        return login;
    }

    private static String authorizeUrl() throws Exception {
        return ISSUER + "/oauth2/authorize?response_type=code&client_id=gridgov-console&scope="
                + URLEncoder.encode("openid profile", StandardCharsets.UTF_8) + "&state=state-2&redirect_uri="
                + URLEncoder.encode(CONSOLE_BASE + "/console/callback", StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=" + ConsoleSignInIT.challenge(ConsoleSignInIT.verifier());
    }
}
