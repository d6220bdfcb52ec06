package org.gridgov.wish.wish.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private final PersonalData data = new PersonalData(Optional.of("张三丰"), "138 1234 5678", "太平街社区朝华新城3栋2单元501");

    @Test
    void masking_keeps_the_family_name_the_ends_of_the_phone_and_the_estate() {
        PersonalData masked = data.masked();

        assertThat(masked.name()).contains("张**");
        assertThat(masked.phone()).isEqualTo("138****5678");
        assertThat(masked.address()).isEqualTo("太平街社区朝华新****");
    }

    @Test
    void an_address_without_numbers_keeps_only_its_first_half() {
        assertThat(PersonalData.maskAddress("张家老屋")).isEqualTo("张家****");
    }

    @Test
    void a_short_phone_number_shows_only_its_last_two_digits() {
        assertThat(PersonalData.maskPhone("12345")).isEqualTo("***45");
    }

    @Test
    void printing_personal_data_prints_it_masked() {
        assertThat(data.toString()).doesNotContain("三丰", "1234", "501").contains("138****5678");
    }
}
