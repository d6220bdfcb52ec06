package org.gridgov.wish.household.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {

    /** How grid-service publishes the address of a household. */
    private static final String REGISTERED = "朝华新城3栋2单元501室";

    @Test
    void full_width_characters_spaces_and_case_do_not_matter() {
        assertThat(Addresses.normalise(" 朝华新城　ｂ栋 ３单元 501室 ")).isEqualTo("朝华新城B栋3单元501室");
    }

    @Test
    void an_address_typed_with_its_community_and_without_the_room_mark_is_found_in_its_registered_form() {
        assertThat(Addresses.lookupForms("太平街社区朝华新城３栋 ２单元 ５０１")).contains(REGISTERED);
        assertThat(Addresses.lookupForms("重庆市涪陵区敦仁街道太平街社区朝华新城3栋2单元501室")).contains(REGISTERED);
        assertThat(Addresses.lookupForms(REGISTERED)).first().isEqualTo(REGISTERED);
    }

    @Test
    void the_place_name_is_never_cut_away_and_different_doors_stay_different() {
        assertThat(Addresses.lookupForms("太平街社区朝华新城3栋2单元501")).doesNotContain("3栋2单元501室");
        assertThat(Addresses.lookupForms("朝华新城3栋2单元502")).doesNotContain(REGISTERED);
    }
}
