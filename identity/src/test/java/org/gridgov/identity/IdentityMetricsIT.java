package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.IdentityServer.browser;
import static org.gridgov.identity.IdentityServer.csrf;
import static org.gridgov.identity.IdentityServer.get;
import static org.gridgov.identity.IdentityServer.postForm;
import static org.gridgov.identity.IdentityServer.sendJson;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What operators watch (deploy's dashboards and alerts): sign-ins by outcome, lockouts, accounts locked now and
 * tokens issued, on {@code /actuator/prometheus}.
 */
class IdentityMetricsIT extends IdentityServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sign_ins_lockouts_locked_accounts_and_issued_tokens_are_counted() throws Exception {
        IdentityServer.user("metrics-person", "right-password-1", "{\"name\":\"指标\",\"roles\":[\"RESIDENT\"]}");
        double successes = metric("gridgov_identity_sign_ins_total{application=\"identity\",outcome=\"success\"}");
        double failures = metric("gridgov_identity_sign_ins_total{application=\"identity\",outcome=\"bad_credentials\"}");
        double lockouts = metric("gridgov_identity_lockouts_total{application=\"identity\"}");
        double locked = metric("gridgov_identity_locked_accounts{application=\"identity\"}");
        double tokens = metric("gridgov_identity_tokens_issued_total{application=\"identity\",grant_type=\"client_credentials\",token=\"access_token\"}");

        signIn("metrics-person", "right-password-1");
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn("metrics-person", "wrong-password-" + attempt);
        }
        assertThat(postForm(http, "/oauth2/token", Map.of("grant_type", "client_credentials"), "Authorization",
                IdentityServer.basic("apps-registry", IdentityServer.APPS_SERVICE_SECRET)).statusCode()).isEqualTo(200);

        assertThat(metric("gridgov_identity_sign_ins_total{application=\"identity\",outcome=\"success\"}")).isEqualTo(successes + 1);
        assertThat(metric("gridgov_identity_sign_ins_total{application=\"identity\",outcome=\"bad_credentials\"}")).isEqualTo(failures + 5);
        assertThat(metric("gridgov_identity_lockouts_total{application=\"identity\"}")).isEqualTo(lockouts + 1);
        assertThat(metric("gridgov_identity_locked_accounts{application=\"identity\"}")).isEqualTo(locked + 1);
        assertThat(metric("gridgov_identity_tokens_issued_total{application=\"identity\",grant_type=\"client_credentials\",token=\"access_token\"}"))
                .isEqualTo(tokens + 1);
    }

    private static void signIn(String username, String password) throws Exception {
        HttpClient browser = browser();
        postForm(browser, "/login", Map.of("username", username, "password", password, "_csrf", csrf(get(browser, "/login").body())));
    }

    /** A sample's value on the scrape page; 0 when the series is not there yet. */
    private double metric(String series) throws Exception {
        String page = sendJson(http, "GET", "/actuator/prometheus", null).body();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(page);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
