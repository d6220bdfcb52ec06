package org.gridgov.contracts.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressNormaliserTest {

    private static final String KEY = "太平街12号1栋2单元301室";

    private static String key(String written) {
        return AddressNormaliser.normalise(written).map(NormalisedAddress::key).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "太平街12号1栋2单元301室",
            "太平街１２号１栋２单元３０１室",
            "太平街12号1幢2单元301室",
            "太平街12号1座2单元301室",
            "太平街12号1号楼2单元301室",
            "太平街12号1#2单元301室",
            "太平街12号1栋2单元301",
            "太平街12号1栋2单元301号",
            "太平街12号1栋2单元301房",
            "太平街 12号 1栋 2单元 301室",
            "太平街\u300012号\u30001栋 2单元\t301室",
            "太平街12号1-2-301",
            "太平街12号1－2－301",
            "太平街12号一栋二单元三零一室",
            "太平街12号1栋第2单元301室",
            "太平街12号01栋02单元0301室",
            "重庆市涪陵区敦仁街道太平街社区太平街12号1栋2单元301室",
            "重庆市涪陵区太平街12号1栋2单元301室",
            "涪陵区太平街12号1栋2单元301室",
            "重庆涪陵区太平街12号1栋2单元301室",
            "敦仁街道太平街12号1栋2单元301室",
            "中国重庆市涪陵区敦仁街道太平街１２号１幢２单元３０１"})
    void every_usual_way_of_writing_an_address_gives_the_same_key(String written) {
        assertThat(key(written)).isEqualTo(KEY);
    }

    @Test
    void different_dwellings_keep_different_keys() {
        List<String> keys = List.of("太平街12号1栋2单元301室", "太平街12号1栋2单元302室", "太平街12号1栋1单元301室",
                "太平街12号11栋2单元301室", "太平街1号1栋2单元301室", "兴华路12号1栋2单元301室", "太平街12号").stream()
                .map(AddressNormaliserTest::key).toList();
        assertThat(keys).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void the_name_of_a_residential_compound_is_part_of_the_address_not_a_district() {
        assertThat(key("涪陵区锦绣小区3栋2单元301室")).isEqualTo("锦绣小区3栋2单元301室");
        assertThat(key("涪陵区工业园区3栋")).isEqualTo("工业园区3栋");
    }

    @Test
    void a_prefix_is_kept_when_nothing_but_numbers_would_remain() {
        assertThat(key("兴华路超市12号")).isEqualTo("兴华路超市12号");
    }

    @Test
    void a_shop_at_a_door_number_is_an_address() {
        assertThat(key("涪陵区太平街２３号")).isEqualTo("太平街23号");
    }

    @Test
    void text_without_any_number_or_too_long_is_not_an_address() {
        assertThat(AddressNormaliser.normalise("太平街")).isEmpty();
        assertThat(AddressNormaliser.normalise("   ")).isEmpty();
        assertThat(AddressNormaliser.normalise(null)).isEmpty();
        assertThat(AddressNormaliser.normalise("太平街12号" + "甲".repeat(AddressNormaliser.MAX_LENGTH))).isEmpty();
    }

    @Test
    void an_unknown_address_is_looked_for_inside_itself_then_in_its_stairwell_building_and_door_number() {
        NormalisedAddress room = AddressNormaliser.normalise("涪陵区太平街12号1栋2单元301").orElseThrow();
        assertThat(room.parts()).containsExactly("太平街12号", "1栋", "2单元", "301室");
        assertThat(room.surroundings()).containsExactly("太平街12号1栋2单元", "太平街12号1栋", "太平街12号");
        assertThat(AddressNormaliser.normalise("太平街12号1幢").orElseThrow().surroundings())
                .containsExactly("太平街12号1栋", "太平街12号");
        assertThat(AddressNormaliser.normalise("太平街23号").orElseThrow().surroundings()).containsExactly("太平街23号");
        assertThat(AddressNormaliser.normalise("太平街23号附近").orElseThrow().surroundings()).isEmpty();
    }

    @Test
    void chinese_numerals_are_read_as_numbers() {
        assertThat(AddressNormaliser.chineseNumber("十")).isEqualTo("10");
        assertThat(AddressNormaliser.chineseNumber("十二")).isEqualTo("12");
        assertThat(AddressNormaliser.chineseNumber("二十")).isEqualTo("20");
        assertThat(AddressNormaliser.chineseNumber("二十一")).isEqualTo("21");
        assertThat(AddressNormaliser.chineseNumber("两")).isEqualTo("2");
        assertThat(AddressNormaliser.chineseNumber("三零一")).isEqualTo("301");
    }
}
