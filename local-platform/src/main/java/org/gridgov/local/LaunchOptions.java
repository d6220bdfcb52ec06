package org.gridgov.local;

/** The launcher's command line: {@code [--fresh] [--no-demo] [--help]}. */
record LaunchOptions(boolean fresh, boolean demo, boolean help) {

    static final String USAGE = """
            usage: gridgov start [--fresh] [--no-demo]
              --fresh    delete the local data (.local/: databases, Kafka logs, issuer key, logs) first
              --no-demo  do not load demo data through the API""";

    static LaunchOptions parse(String... args) {
        boolean fresh = false;
        boolean demo = true;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return new LaunchOptions(fresh, demo, help);
    }
}
