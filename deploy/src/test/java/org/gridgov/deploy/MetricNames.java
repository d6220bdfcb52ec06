package org.gridgov.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a PromQL parser: it blanks out what cannot hold a
 * metric name (strings, label matchers, ranges, grouping labels, Grafana variables) and keeps the
 * identifiers that are not functions, aggregations or keywords. MetricNamesTest shows what it handles.
 */
final class MetricNames {

    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    // an identifier not glued to a number before it ("5m") and not called as a function after it
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][\\w:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "atan2", "inf", "nan", "Inf", "NaN");
    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.])([a-zA-Z_:][\\w:]*+)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_]\\w*)\\s*(=~|!~|!=|=)");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,");

    private MetricNames() {
    }

    static Set<String> in(String promql) {
        String text = GRAFANA_VARIABLE.matcher(promql).replaceAll("");
        text = STRING.matcher(text).replaceAll("\"\"");
        text = BRACES.matcher(text).replaceAll(" ");
        text = BRACKETS.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(text);
        while (identifiers.find()) {
            if (!KEYWORDS.contains(identifiers.group(1))) {
                names.add(identifiers.group(1));
            }
        }
        return names;
    }

    /** The labels each metric is selected by: {@code a_total{community=~"x", action="Y"}} gives a_total → [action, community]. */
    static Map<String, Set<String>> selectedLabels(String promql) {
        String text = STRING.matcher(GRAFANA_VARIABLE.matcher(promql).replaceAll("")).replaceAll("\"\"");
        Map<String, Set<String>> labels = new TreeMap<>();
        Matcher selectors = SELECTOR.matcher(text);
        while (selectors.find()) {
            Matcher matchers = MATCHER.matcher(selectors.group(2));
            while (matchers.find()) {
                labels.computeIfAbsent(selectors.group(1), name -> new TreeSet<>()).add(matchers.group(1));
            }
        }
        return labels;
    }

    /** A Grafana variable query: label_values(metric, label) reads that metric; anything else is PromQL. */
    static Set<String> inVariableQuery(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        return labelValues.find() ? Set.of(labelValues.group(1)) : in(query);
    }

    /** Recording rules name their results level:metric:operations; services never export a colon. */
    static boolean isRecorded(String name) {
        return name.contains(":");
    }
}
