package org.gridgov.wish.attachment.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A photo residents, grid staff and claimers add to a wish: JPEG or PNG, told by its first bytes
 * (never by the name or type the client claims), at most {@link #MAX_BYTES}.
 */
public final class Photo {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Enough to show what is wrong and what was done; a wish is not a photo album. */
    public static final int MAX_PER_WISH = 20;
    /** Larger images would take more memory to decode than a photo of a broken lamp deserves. */
    public static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public enum Kind {
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

        private final String mediaType;
        private final String format;

        Kind(String mediaType, String format) {
            this.mediaType = mediaType;
            this.format = format;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The image format's informal name, as {@code javax.imageio} knows it. */
        public String format() {
            return format;
        }

        public static Optional<Kind> ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
        }
    }

    private Photo() {
    }

    /** What the bytes are, whatever the client said they were. */
    public static Optional<Kind> sniff(byte[] bytes) {
        if (startsWith(bytes, JPEG)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(bytes, PNG)) {
            return Optional.of(Kind.PNG);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
