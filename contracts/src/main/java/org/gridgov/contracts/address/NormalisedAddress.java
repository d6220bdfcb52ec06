package org.gridgov.contracts.address;

import java.util.ArrayList;
import java.util.List;

/**
 * An address in the one form this service stores and looks up, cut into its numbered parts:
 * {@code [太平街12号, 1栋, 2单元, 301室]}.
 */
public record NormalisedAddress(List<String> parts) {

    public NormalisedAddress {
        parts = List.copyOf(parts);
    }

    public String key() {
        return String.join("", parts);
    }

    /**
     * Where to look for an address that is not registered itself, most precise first: inside it
     * when it names a whole stairwell, building or door, then the same address with its room, then
     * its stairwell, then its building left out. Never coarser than the door number, which is where
     * one micro-grid ends and the next begins.
     */
    public List<String> surroundings() {
        List<String> prefixes = new ArrayList<>();
        if (endsWithPlace(parts.get(parts.size() - 1))) {
            prefixes.add(key());
        }
        for (int kept = parts.size() - 1; kept >= 1 && isInsideDoor(parts.get(kept)); kept--) {
            prefixes.add(String.join("", parts.subList(0, kept)));
        }
        return prefixes;
    }

    private static boolean endsWithPlace(String part) {
        return part.endsWith("号") || part.endsWith("栋") || part.endsWith("单元");
    }

    private static boolean isInsideDoor(String part) {
        return part.endsWith("室") || part.endsWith("单元") || part.endsWith("栋");
    }
}
