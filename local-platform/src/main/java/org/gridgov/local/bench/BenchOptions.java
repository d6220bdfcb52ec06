package org.gridgov.local.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gridgov bench [--clients N] [--seconds S] [--warmup S] [--env NAME=VALUE]…}: concurrent clients,
 * the length of each phase, and settings for the services (to compare one setting's figures with another's).
 */
record BenchOptions(int clients, Duration phase, Duration warmup, Map<String, String> environment, Map<String, String> compare) {

    static final String USAGE = """
            usage: gridgov bench [--clients N] [--seconds S] [--warmup S]
              --clients  concurrent clients (connections) of each closed-loop phase (default 16)
              --seconds  length of each measured phase (default 15)
              --warmup   length of a warm-up round over every path (default 60); rounds go on until the JIT
                         compilers take under 5 % of the services' CPU (at most 10 min)
              --env      NAME=VALUE, an environment variable for every service (repeatable), e.g.
                         --env SPRING_REACTOR_CONTEXT_PROPAGATION=limited
              --compare  NAME=VALUE (repeatable): after the figures, restart the services with this setting
                         changed, measure again, restart them as before and measure a third time, then
                         print each figure's ratio changed ÷ the mean of the two runs around it""";

    static BenchOptions parse(String... args) {
        int clients = 16;
        int seconds = 15;
        int warmup = 60;
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> compare = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + arg);
            }
            if (arg.equals("--env") || arg.equals("--compare")) {
                String setting = args[++i];
                int equals = setting.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException(arg + " needs NAME=VALUE, not " + setting);
                }
                (arg.equals("--env") ? environment : compare).put(setting.substring(0, equals), setting.substring(equals + 1));
                continue;
            }
            int value = positive(arg, args[++i]);
            switch (arg) {
                case "--clients" -> clients = value;
                case "--seconds" -> seconds = value;
                case "--warmup" -> warmup = value;
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return new BenchOptions(clients, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), Map.copyOf(environment),
                Map.copyOf(compare));
    }

    private static int positive(String option, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
    }
}
