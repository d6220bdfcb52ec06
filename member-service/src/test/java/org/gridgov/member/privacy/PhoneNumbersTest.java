package org.gridgov.member.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void a_masked_number_keeps_only_its_first_three_and_last_two_digits() {
        assertThat(PhoneNumbers.mask("138 1234 5678")).isEqualTo("138******78");
        assertThat(PhoneNumbers.mask("023-7222")).isEqualTo("023**22");
        assertThat(PhoneNumbers.mask("110")).isEqualTo("***");
        assertThat(PhoneNumbers.mask(null)).isNull();
    }

    @Test
    void numbers_are_digits_with_the_usual_separators() {
        assertThat(PhoneNumbers.isValid("+86 138-1234-5678")).isTrue();
        assertThat(PhoneNumbers.isValid("call me")).isFalse();
    }
}
