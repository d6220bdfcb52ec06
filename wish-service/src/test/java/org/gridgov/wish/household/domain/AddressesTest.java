package org.gridgov.wish.household.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressesTest {

    /** How grid-service publishes the address of a household. */
    private static final String REGISTERED = "朝华新城3栋2单元501室";

    @ParameterizedTest
    @ValueSource(strings = {"朝华新城3栋2单元501室", " 朝华新城　３栋 ２单元 ５０１室 ", "太平街社区朝华新城３栋 ２单元 ５０１",
            "重庆市涪陵区敦仁街道太平街社区朝华新城3栋2单元501室", "朝华新城3-2-501", "朝华新城三幢二单元501房", "朝华新城第3栋2单元0501室"})
    void the_ways_residents_write_an_address_find_its_registered_form_first(String typed) {
        assertThat(Addresses.lookupForms(typed)).first().isEqualTo(REGISTERED);
    }

    @Test
    void a_published_address_keeps_its_key() {
        assertThat(Addresses.key(REGISTERED)).isEqualTo(REGISTERED);
    }

    @Test
    void a_room_of_a_shop_registered_by_its_door_is_found_at_the_door() {
        assertThat(Addresses.lookupForms("太平街200号2室")).containsExactly("太平街200号2室", "太平街200号");
    }

    @Test
    void different_doors_stay_different_and_text_without_a_number_finds_nothing() {
        assertThat(Addresses.lookupForms("朝华新城3栋2单元502")).doesNotContain(REGISTERED);
        assertThat(Addresses.lookupForms("太平街社区朝华新城")).isEmpty();
    }
}
