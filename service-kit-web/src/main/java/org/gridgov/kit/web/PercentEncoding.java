package org.gridgov.kit.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request target's {@code %} escapes decode: each {@code %} followed by two hex digits,
 * and each run of escapes UTF-8 (no truncated or overlong sequence, no lone continuation byte).
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    static boolean isDecodable(String target) {
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) == '%') {
                if (i + 2 >= target.length() || hex(target.charAt(i + 1)) < 0 || hex(target.charAt(i + 2)) < 0) {
                    return false;
                }
                run.write(hex(target.charAt(i + 1)) * 16 + hex(target.charAt(i + 2)));
                i += 2;
            } else if (run.size() > 0) {
                if (!isUtf8(run.toByteArray())) {
                    return false;
                }
                run.reset();
            }
        }
        return run.size() == 0 || isUtf8(run.toByteArray());
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
