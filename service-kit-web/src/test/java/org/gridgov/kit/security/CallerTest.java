package org.gridgov.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("staff-7")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }

    @Test
    void roles_jurisdiction_unit_and_member_come_from_the_token() {
        Caller caller = Caller.from(token().claim("roles", List.of("GRID_STAFF", "PARTY_MEMBER"))
                .claim("jurisdiction", "grid-1").claim("member", "m-1").build());

        assertThat(caller.subject()).isEqualTo("staff-7");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.GRID_STAFF, Role.PARTY_MEMBER);
        assertThat(caller.jurisdiction()).contains("grid-1");
        assertThat(caller.member()).contains("m-1");
        assertThat(caller.unit()).isEmpty();
        assertThat(caller.hasAny(Role.UNIT, Role.GRID_STAFF)).isTrue();
    }

    @Test
    void the_ids_of_jurisdiction_unit_and_member_are_read_when_they_are_ids() {
        UUID node = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        Caller caller = Caller.from(token().claim("roles", List.of("UNIT")).claim("jurisdiction", node.toString())
                .claim("unit", unit.toString()).claim("member", "not an id").build());

        assertThat(caller.jurisdictionId()).contains(node);
        assertThat(caller.unitId()).contains(unit);
        assertThat(caller.memberId()).as("a member claim that is no id names nobody").isEmpty();
    }

    @Test
    void an_unknown_role_grants_nothing() {
        Caller caller = Caller.from(token().claim("roles", List.of("SUPERUSER")).build());
        assertThat(caller.roles()).isEmpty();
    }

    @Test
    void scopes_are_read_from_a_space_separated_claim() {
        Caller caller = Caller.from(token().claim("roles", List.of("CLIENT"))
                .claim("scope", "wishes:write wishes:read").build());
        assertThat(caller.hasScope("wishes:read")).isTrue();
        assertThat(caller.hasScope("kpis:read")).isFalse();
    }
}
