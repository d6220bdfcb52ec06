package org.gridgov.apps.notification.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The zh-CN text of each kind of notice, from {@code notifications/zh-CN.properties}, with {placeholders} filled. */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Properties texts = new Properties();

    public Templates() {
        try (InputStream in = Templates.class.getResourceAsStream("/notifications/zh-CN.properties")) {
            if (in == null) {
                throw new IllegalStateException("notifications/zh-CN.properties is missing");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String kind) {
        return texts.containsKey(kind);
    }

    /** The values the kind's template takes (a provider's template takes the same, by name), empty when absent. */
    public Map<String, String> values(String kind, Map<String, String> values) {
        String template = texts.getProperty(kind);
        if (template == null) {
            throw new IllegalArgumentException("no template for " + kind);
        }
        Map<String, String> taken = new java.util.LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            taken.put(matcher.group(1), values.getOrDefault(matcher.group(1), ""));
        }
        return taken;
    }

    /** The kind's text; a placeholder without a value is left empty. */
    public String render(String kind, Map<String, String> values) {
        String template = texts.getProperty(kind);
        if (template == null) {
            throw new IllegalArgumentException("no template for " + kind);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(text).toString();
    }
}
