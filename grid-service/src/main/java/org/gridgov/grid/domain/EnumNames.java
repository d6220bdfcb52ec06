package org.gridgov.grid.domain;

import java.util.Arrays;
import java.util.Optional;

/** Reads the names of this service's enumerations from documents and requests, where a wrong name is a user error. */
public final class EnumNames {

    private EnumNames() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(text)).findFirst();
    }

    /** "RESIDENTIAL, COMMERCIAL": for messages that tell the user what would have been accepted. */
    public static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
