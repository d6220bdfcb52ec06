package org.gridgov.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final PersonalDataCipher cipher = new PersonalDataCipher(KEY, "TEST_DATA_KEY", "test/lookup/v1");

    @Test
    void what_is_sealed_opens_again_for_the_same_record() {
        String sealed = cipher.seal("张三丰 13812345678", "wish-1");
        assertThat(sealed).doesNotContain("13812345678");
        assertThat(cipher.open(sealed, "wish-1")).isEqualTo("张三丰 13812345678");
    }

    @Test
    void the_same_value_sealed_twice_looks_different() {
        assertThat(cipher.seal("13812345678", "wish-1")).isNotEqualTo(cipher.seal("13812345678", "wish-1"));
    }

    @Test
    void a_value_copied_to_another_record_or_read_with_another_key_does_not_open() {
        String sealed = cipher.seal("13812345678", "wish-1");
        assertThatThrownBy(() -> cipher.open(sealed, "wish-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("13812345678");
        assertThatThrownBy(() -> new PersonalDataCipher(OTHER_KEY, "TEST_DATA_KEY", "test/lookup/v1").open(sealed, "wish-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookup_keys_are_equal_for_equal_addresses_and_reveal_nothing() {
        assertThat(cipher.lookupKey("朝华新城3栋")).isEqualTo(cipher.lookupKey("朝华新城3栋"))
                .isNotEqualTo(cipher.lookupKey("朝华新城4栋"));
        assertThat(new String(cipher.lookupKey("朝华新城3栋"), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("朝华");
    }

    @Test
    void lookup_keys_for_another_purpose_differ() {
        assertThat(new PersonalDataCipher(KEY, "TEST_DATA_KEY", "other/lookup/v1").lookupKey("朝华新城3栋"))
                .isNotEqualTo(cipher.lookupKey("朝华新城3栋"));
    }

    @Test
    void a_key_of_the_wrong_size_is_refused_at_start_up() {
        assertThatThrownBy(() -> new PersonalDataCipher(Base64.getEncoder().encodeToString(new byte[16]), "TEST_DATA_KEY", "test/lookup/v1"))
                .hasMessageContaining("TEST_DATA_KEY must be 32 bytes");
        assertThatThrownBy(() -> new PersonalDataCipher("not base64!", "TEST_DATA_KEY", "test/lookup/v1")).hasMessageContaining("Base64");
    }
}
