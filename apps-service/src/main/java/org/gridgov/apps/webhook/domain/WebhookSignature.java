package org.gridgov.apps.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, in the header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>}
 * where {@code v1} is HMAC-SHA256, keyed with the subscription's secret, over {@code "<t>.<body>"}.
 * Signing the timestamp with the body makes a captured delivery useless once it is older than the
 * receiver's tolerance (replay), and a changed body or timestamp fails verification.
 */
public final class WebhookSignature {

    public static final String HEADER = "GridGov-Signature";
    /** How old a delivery's timestamp may be before a receiver should refuse it. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    public static String sign(String secret, Instant at, String body) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp + "." + body));
    }

    /**
     * What a receiver does: the header is well formed, its timestamp lies within {@code tolerance} of
     * {@code now}, and one of its {@code v1} signatures matches the body (compared in constant time).
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()
                || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, timestamp + "." + body)).getBytes(StandardCharsets.US_ASCII);
        return signatures.stream().anyMatch(given -> MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
