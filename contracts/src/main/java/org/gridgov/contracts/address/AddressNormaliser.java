package org.gridgov.contracts.address;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many ways people write one Chinese address into one key. Addresses are stored and
 * looked up through the same function, so a rule only has to be deterministic and must not merge
 * two different dwellings; it need not understand the address.
 *
 * <p>The key keeps the place (road, 小区) and the numbered parts in the forms {@code 号} (door),
 * {@code 栋} (building), {@code 单元} (stairwell) and {@code 室} (room), e.g.
 * {@code 太平街12号1栋2单元301室}; the administrative prefix (province, city, district, street,
 * community) is dropped because people leave it out or write it differently.
 */
public final class AddressNormaliser {

    public static final int MAX_LENGTH = 200;

    private static final String MARKERS = "号|栋|幢|座|单元|室|楼";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,、;；]+");
    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212]");
    private static final Pattern ORDINAL = Pattern.compile("第(?=[0-9零〇一二两三四五六七八九十]+(?:" + MARKERS + "))");
    private static final Pattern CHINESE_NUMBER = Pattern.compile("[零〇一二两三四五六七八九十]+(?=" + MARKERS + ")");
    private static final Pattern NUMBERED_BUILDING = Pattern.compile("([0-9]+)号楼");
    private static final Pattern BUILDING_SYNONYM = Pattern.compile("(?<=[0-9A-Z])(?:幢|座|#楼|#)");
    private static final Pattern ROOM_SYNONYM = Pattern.compile("(?<=[0-9A-Z])(?:号房|房间|房)");
    private static final Pattern ROOM_AS_NUMBER = Pattern.compile("(?<=(?:单元|栋)[0-9A-Z]{1,8})号$");
    // "1-2-301" and "1-301" after the door number or a place name: building, stairwell, room
    private static final Pattern DASHED_THREE = Pattern.compile("(?<=[^\\x00-\\x7F])([0-9A-Z]+)-([0-9]+)-([0-9A-Z]+)$");
    private static final Pattern DASHED_TWO = Pattern.compile("(?<=[^\\x00-\\x7F])([0-9A-Z]+)-([0-9A-Z]+)$");
    private static final Pattern BARE_ROOM = Pattern.compile("(?<=单元|栋)([0-9A-Z]+)$");
    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");
    // at least two characters before the suffix: 涪陵区 is a district, 城区路 is a road
    private static final Pattern ADMINISTRATIVE_PREFIX = Pattern.compile(
            "^(?:中国|\\p{IsHan}{2,10}?(?:特别行政区|自治区|省|市|县|街道|镇|乡|社区|(?<![小园校厂])区))");
    private static final Pattern PART = Pattern.compile(".*?(?:号|栋|单元|室)");

    private AddressNormaliser() {
    }

    /** The address's key, or empty when the text names no door, building or room number at all. */
    public static Optional<NormalisedAddress> normalise(String written) {
        if (written == null || written.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        // NFKC makes full-width digits, letters, spaces and '＃' half-width
        String text = Normalizer.normalize(written, Normalizer.Form.NFKC).toUpperCase();
        text = SEPARATORS.matcher(text).replaceAll("");
        text = DASHES.matcher(text).replaceAll("-");
        text = ORDINAL.matcher(text).replaceAll("");
        text = replace(CHINESE_NUMBER, text, match -> chineseNumber(match.group()));
        text = NUMBERED_BUILDING.matcher(text).replaceAll("$1栋");
        text = BUILDING_SYNONYM.matcher(text).replaceAll("栋");
        text = ROOM_SYNONYM.matcher(text).replaceAll("室");
        text = ROOM_AS_NUMBER.matcher(text).replaceAll("室");
        text = DASHED_THREE.matcher(text).replaceAll("$1栋$2单元$3室");
        text = DASHED_TWO.matcher(text).replaceAll("$1栋$2室");
        text = BARE_ROOM.matcher(text).replaceAll("$1室");
        text = LEADING_ZEROS.matcher(text).replaceAll("");
        text = withoutAdministrativePrefix(text);
        if (text.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new NormalisedAddress(parts(text)));
    }

    private static String withoutAdministrativePrefix(String text) {
        Matcher prefix = ADMINISTRATIVE_PREFIX.matcher(text);
        // what remains must still name a place: "XX超市12号" keeps its 超市
        while (prefix.find() && prefix.end() < text.length() && !Character.isDigit(text.charAt(prefix.end()))) {
            text = text.substring(prefix.end());
            prefix = ADMINISTRATIVE_PREFIX.matcher(text);
        }
        return text;
    }

    private static List<String> parts(String key) {
        List<String> parts = new ArrayList<>();
        Matcher part = PART.matcher(key);
        int end = 0;
        while (part.find()) {
            parts.add(part.group());
            end = part.end();
        }
        if (end < key.length()) {
            parts.add(key.substring(end));
        }
        return parts;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** 二十一 → 21, 十 → 10, 三零一 → 301: the forms used for building, stairwell and room numbers. */
    static String chineseNumber(String numerals) {
        int ten = numerals.indexOf('十');
        if (ten < 0) {
            StringBuilder digits = new StringBuilder();
            numerals.chars().forEach(c -> digits.append(digit((char) c)));
            return digits.toString();
        }
        int tens = ten == 0 ? 1 : digit(numerals.charAt(ten - 1));
        int ones = ten == numerals.length() - 1 ? 0 : digit(numerals.charAt(numerals.length() - 1));
        return Integer.toString(tens * 10 + ones);
    }

    private static int digit(char numeral) {
        return switch (numeral) {
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> 0;
        };
    }
}
