package org.gridgov.wish.household.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gridgov.contracts.address.AddressNormaliser;
import org.gridgov.contracts.address.NormalisedAddress;

/**
 * Matches what a resident types against the addresses grid-service publishes on its household
 * events, through the one normaliser both services share ({@link AddressNormaliser}, in the
 * contracts): full-width digits, 幢/座/号楼, 3-2-501, 第三栋, a city or community prefix all come to
 * the key grid-service registered the household under.
 */
public final class Addresses {

    private Addresses() {
    }

    /** The key a household is kept under: its published address, normalised (again, which changes nothing). */
    public static String key(String publishedAddress) {
        return AddressNormaliser.normalise(publishedAddress).map(NormalisedAddress::key).orElse(publishedAddress);
    }

    /**
     * The keys to look a typed address up by, most precise first: the address itself, then the same
     * address with its room, stairwell or building left out (a shop registered by its door number);
     * none when the text names no number at all.
     */
    public static List<String> lookupForms(String typed) {
        return AddressNormaliser.normalise(typed).map(address -> {
            Set<String> forms = new LinkedHashSet<>();
            forms.add(address.key());
            forms.addAll(address.surroundings());
            return List.copyOf(forms);
        }).orElse(List.of());
    }
}
