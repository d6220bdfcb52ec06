package org.gridgov.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.gridgov.infra.LocalOidcIssuer.HttpProblem;
import org.junit.jupiter.api.Test;

class TokenRequestsTest {

    @Test
    void a_full_body_becomes_a_token_request() {
        TokenRequest request = TokenRequests.parse("""
                {"sub":"staff-1","roles":["GRID_STAFF","PARTY_MEMBER"],"jurisdiction":"grid-1",
                 "unit":null,"member":"m-7","scope":null,"expiresInSeconds":600}
                """);

        assertThat(request).isEqualTo(new TokenRequest("staff-1", List.of("GRID_STAFF", "PARTY_MEMBER"), "grid-1",
                null, "m-7", null, Duration.ofMinutes(10)));
    }

    @Test
    void a_department_staff_members_request_names_the_department() {
        TokenRequest request = TokenRequests.parse("{\"sub\":\"dept-1\",\"roles\":[\"DEPARTMENT\"],\"department\":\"d-3\"}");

        assertThat(request.department()).isEqualTo("d-3");
        assertThat(request.roles()).containsExactly("DEPARTMENT");
    }

    @Test
    void roles_and_lifetime_are_optional() {
        TokenRequest request = TokenRequests.parse("{\"sub\":\"resident-1\"}");

        assertThat(request.roles()).isEmpty();
        assertThat(request.expiresIn()).isEqualTo(TokenRequest.DEFAULT_LIFETIME);
    }

    @Test
    void malformed_bodies_are_rejected_with_400() {
        for (String body : List.of("not json", "[1,2]", "{}", "{\"sub\":\" \"}", "{\"sub\":7}",
                "{\"sub\":\"a\",\"roles\":\"GRID_STAFF\"}", "{\"sub\":\"a\",\"roles\":[1]}",
                "{\"sub\":\"a\",\"expiresInSeconds\":\"soon\"}", "{\"sub\":\"a\",\"expiresInSeconds\":1.5}")) {
            assertThatThrownBy(() -> TokenRequests.parse(body))
                    .as(body)
                    .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
        }
    }
}
