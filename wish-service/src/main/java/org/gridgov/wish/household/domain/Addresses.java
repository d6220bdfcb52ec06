package org.gridgov.wish.household.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches what a resident types against the normalised addresses grid-service publishes on its
 * household events ({@code 朝华新城3栋2单元501室}: no administrative prefix, half-width, numbered
 * parts ending in 号/栋/单元/室). Rather than re-implement grid-service's normaliser, a typed
 * address is tried in the few forms residents commonly deviate in: full-width characters and
 * spaces, the administrative prefix (太平街社区…), and a room number without its 室.
 */
public final class Addresses {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,、;；]+");
    // everything up to the last of province, city, district, street, town or community
    private static final Pattern ADMINISTRATIVE_PREFIX =
            Pattern.compile("^.*?(?:特别行政区|自治区|省|市|县|街道|镇|乡|社区|(?<![小园校厂])区)(?=\\D)");
    private static final Pattern BARE_ROOM = Pattern.compile("(?<=单元|栋)([0-9A-Z]+)$");

    private Addresses() {
    }

    /** The one form an address is compared in: half-width, upper case, without spaces. */
    public static String normalise(String address) {
        String folded = Normalizer.normalize(address, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        return SEPARATORS.matcher(folded).replaceAll("");
    }

    /** The forms to look a typed address up by, the address as typed first. */
    public static Set<String> lookupForms(String typed) {
        Set<String> forms = new LinkedHashSet<>();
        String address = normalise(typed);
        forms.add(address);
        Matcher prefix = ADMINISTRATIVE_PREFIX.matcher(address);
        while (prefix.find() && prefix.end() < address.length()) {
            address = address.substring(prefix.end());
            forms.add(address);
            prefix = ADMINISTRATIVE_PREFIX.matcher(address);
        }
        for (String form : Set.copyOf(forms)) {
            Matcher room = BARE_ROOM.matcher(form);
            if (room.find()) {
                forms.add(room.replaceAll("$1室"));
            }
        }
        return forms;
    }
}
