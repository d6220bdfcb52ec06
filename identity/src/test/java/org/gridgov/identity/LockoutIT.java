package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.browser;
import static org.gridgov.identity.IdentityServer.csrf;
import static org.gridgov.identity.IdentityServer.get;
import static org.gridgov.identity.IdentityServer.location;
import static org.gridgov.identity.IdentityServer.postForm;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The login page and the lockout after repeated wrong passwords, as a person at the browser sees them. */
class LockoutIT extends IdentityServerTest {

    @Test
    void the_login_page_is_in_chinese_with_labelled_fields_and_a_login_button() throws Exception {
        HttpResponse<String> page = get(browser(), "/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"zh-CN\">")
                .contains("<label for=\"username\">").contains("name=\"username\"")
                .contains("<label for=\"password\">").contains("name=\"password\"")
                .contains("<button type=\"submit\">登录</button>");
    }

    @Test
    void a_wrong_password_says_so_and_five_in_a_row_lock_the_account_even_against_the_right_one() throws Exception {
        IdentityServer.user("locked-test", "right-password", "{\"name\":\"测试\",\"roles\":[\"COMMUNITY_ADMIN\"]}");
        HttpClient browser = browser();

        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> failed = login(browser, "locked-test", "wrong-password");
            assertThat(location(failed)).as("attempt " + attempt).endsWith("/login?error");
        }
        HttpResponse<String> wrongPage = get(browser, "/login?error");
        assertThat(wrongPage.body()).contains("role=\"alert\"").contains("用户名或密码错误");

        HttpResponse<String> locked = login(browser, "locked-test", "right-password");
        assertThat(location(locked)).endsWith("/login?locked");
        HttpResponse<String> lockedPage = get(browser, location(locked));
        assertThat(lockedPage.body()).contains("已被锁定").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（北京时间）后再试");
    }

    @Test
    void an_unknown_user_gets_the_same_answer_as_a_wrong_password() throws Exception {
        assertThat(location(login(browser(), "nobody-here", "whatever"))).endsWith("/login?error");
    }

    @Test
    void the_right_password_resets_the_count_of_failures() throws Exception {
        IdentityServer.user("reset-test", "right-password", "{\"roles\":[\"RESIDENT\"]}");
        HttpClient browser = browser();
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(browser, "reset-test", "wrong-password");
        }
        assertThat(location(login(browser, "reset-test", "right-password"))).doesNotContain("/login?");

        HttpClient another = browser();
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(another, "reset-test", "wrong-password");
        }
        assertThat(location(login(another, "reset-test", "right-password"))).doesNotContain("/login?");
    }

    private static HttpResponse<String> login(HttpClient browser, String username, String password) throws Exception {
        String token = csrf(get(browser, "/login").body());
        HttpResponse<String> response = postForm(browser, "/login",
                Map.of("username", username, "password", password, "_csrf", token));
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }
}
