package org.gridgov.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void escapes_that_decode_to_utf8_pass() {
        for (String target : new String[] {"/api/wishes", "/api/wishes/%E6%A8%A1?q=%20a%2Fb", "/a%F0%9F%98%80b", "/%7F?x=%00"}) {
            assertThat(PercentEncoding.isDecodable(target)).as(target).isTrue();
        }
    }

    @Test
    void missing_hex_digits_and_broken_utf8_do_not() {
        for (String target : new String[] {"/a%", "/a%z", "/a%zzb", "/a%4", "/q?x=%G0", "/a%F0%9F%98b", "/a%E0%A4", "/a%FF",
                "/a%C0%AF", "/a%80", "/q?x=%F0%9F%98"}) {
            assertThat(PercentEncoding.isDecodable(target)).as(target).isFalse();
        }
    }
}
