package org.gridgov.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UserAdministrationTest {

    @Test
    void an_admin_grants_roles_up_to_their_own_and_no_further() {
        assertThat(UserAdministration.mayHandle(List.of("COMMUNITY_ADMIN"), List.of("GRID_STAFF", "COMMUNITY_ADMIN"))).isTrue();
        assertThat(UserAdministration.mayHandle(List.of("COMMUNITY_ADMIN"), List.of("STREET_ADMIN"))).isFalse();
        assertThat(UserAdministration.mayHandle(List.of("STREET_ADMIN", "GRID_STAFF"), List.of("DISTRICT_ADMIN"))).isFalse();
        assertThat(UserAdministration.mayHandle(List.of("DISTRICT_ADMIN"), List.of("DISTRICT_ADMIN", "UNIT"))).isTrue();
        assertThat(UserAdministration.mayHandle(List.of("GRID_STAFF"), List.of("RESIDENT"))).isFalse();
        assertThat(UserAdministration.mayHandle(List.of("DISTRICT_ADMIN"), List.of("CLIENT"))).isFalse();
    }

    @Test
    void a_person_lies_within_an_admins_jurisdiction_when_the_admins_node_is_on_their_lineage() {
        assertThat(UserAdministration.within("street", List.of("district", "street", "community"))).isTrue();
        assertThat(UserAdministration.within("community", List.of("district", "street", "community"))).isTrue();
        assertThat(UserAdministration.within("other-street", List.of("district", "street", "community"))).isFalse();
        assertThat(UserAdministration.within(null, List.of("district"))).isFalse();
        assertThat(UserAdministration.within("district", List.of())).isFalse();
    }

    @Test
    void roles_that_speak_for_something_need_its_claim_and_clients_are_no_persons() {
        assertThat(UserAdministration.claimsNeeded(List.of("UNIT", "DEPARTMENT"))).containsExactly("department", "unit");
        assertThat(UserAdministration.claimsNeeded(List.of("VOLUNTEER"))).containsExactly("member");
        assertThat(UserAdministration.unknownRoles(List.of("RESIDENT", "CLIENT", "KING"))).containsExactly("CLIENT", "KING");
    }
}
