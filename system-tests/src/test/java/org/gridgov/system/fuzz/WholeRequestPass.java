package org.gridgov.system.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.gridgov.local.service.ServiceSpec;
import org.gridgov.system.platform.SystemPlatform;

/**
 * Sends {@link WholeRequests} cases as raw bytes, each to the gateway and to the service that serves
 * the operation (services are reachable directly too, and must answer the same way), on a few
 * kept-alive connections at once. Every answer must be below 500 and, if an error, in its API's
 * format: problem+json on {@code /api}, GeoReport v2's error list on {@code /open311} (a JSON list
 * with a numeric code, or {@code <errors>} XML on {@code .xml} paths). Only the HTTP server's codec,
 * refusing a request line or headers it could not read (414, 431, 400), cannot know the path and
 * answers problem+json there too.
 */
final class WholeRequestPass {

    private static final int CONNECTIONS = 4;
    /** A hang never answers; a slow answer on a busy shared machine may take seconds: 30 s tells them apart. */
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final Pattern OPEN311_JSON = Pattern.compile("(?s)\\s*\\[\\s*\\{\"code\":\\d{3},\"description\":\".*");
    private static final Pattern OPEN311_XML = Pattern.compile("(?s).*<errors><error><code>\\d{3}</code><description>.*");
    private static final Pattern PROBLEM = Pattern.compile("(?s)\\s*\\{.*\"status\":\\d{3}.*");

    /** What a pass found: requests sent, statuses seen, failures, and the correlation ids of refused requests. */
    record Result(long seed, int sent, Duration took, Map<String, Integer> statuses, Map<String, Integer> families,
                  List<String> failures, List<String> refused) {

        String summary() {
            return String.format("Whole-request fuzz: %d requests in %d s (%.0f/s); statuses %s; per family %s; %d failures",
                    sent, took.toSeconds(), sent * 1000.0 / Math.max(1, took.toMillis()), statuses, families, failures.size());
        }
    }

    private record Target(WholeRequests.Case request, int port, String where) {
    }

    private final SystemPlatform platform;
    private final long seed;

    WholeRequestPass(SystemPlatform platform, long seed) {
        this.platform = platform;
        this.seed = seed;
    }

    /**
     * @param direct also send each case straight to the service behind the operation, not only through the gateway
     */
    Result run(WholeRequests generator, List<PublicOperations.Operation> operations, String authorization, int requests,
               boolean direct) throws Exception {
        List<Target> targets = new ArrayList<>();
        int gateway = platform.gateway().getPort();
        while (targets.size() < requests) {
            for (PublicOperations.Operation operation : operations) {
                for (WholeRequests.Case fuzz : generator.casesFor(operation, authorization)) {
                    targets.add(new Target(fuzz, gateway, "gateway"));
                    if (direct && operation.service() != null) {
                        targets.add(new Target(fuzz, platform.service(operation.service()).getPort(),
                                operation.service().module()));
                    }
                }
            }
        }
        // mixed, so that each connection sees every operation, family and server in turn
        Collections.shuffle(targets, new java.util.Random(seed));
        Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Integer> families = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        Instant started = Instant.now();
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int first = c;
                done.add(connections.submit(() -> {
                    Map<Integer, RawHttp> open = new TreeMap<>();
                    Map<Integer, WholeRequests.Case> previous = new TreeMap<>();
                    try {
                        for (int i = first; i < targets.size(); i += CONNECTIONS) {
                            Target target = targets.get(i);
                            WholeRequests.Case fuzz = target.request();
                            String correlationId = UUID.randomUUID().toString();
                            RawHttp.Answer answer = open.computeIfAbsent(target.port(), port -> new RawHttp(port, TIMEOUT_MILLIS))
                                    .send(fuzz.bytes(correlationId));
                            statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
                            families.merge(fuzz.family(), 1, Integer::sum);
                            String wrong = judge(fuzz, answer);
                            if (wrong != null) {
                                failures.add(wrong + " from " + target.where() + " for " + fuzz + "\n      → " + answer.status()
                                        + " " + answer.contentType() + " " + abbreviated(answer.body())
                                        + (answer.status() == 0 ? "\n      after, on the same connection: " + previous.get(target.port()) : ""));
                            }
                            previous.put(target.port(), fuzz);
                            if (answer.status() >= 400) {
                                refused.add(correlationId);
                            }
                        }
                    } finally {
                        open.values().forEach(RawHttp::close);
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            connections.shutdownNow();
        }
        return new Result(seed, targets.size(), Duration.between(started, Instant.now()), new TreeMap<>(statuses),
                new TreeMap<>(families), new ArrayList<>(failures), new ArrayList<>(refused));
    }

    /** What is wrong with this answer, or null. */
    static String judge(WholeRequests.Case fuzz, RawHttp.Answer answer) {
        if (answer.status() == 0 || answer.status() >= 500) {
            return answer.status() == 0 ? "no answer" : "a " + answer.status();
        }
        if (answer.status() < 400) {
            return null;
        }
        String path = fuzz.target().split("\\?", 2)[0];
        boolean problem = answer.contentType().startsWith("application/problem+json") && PROBLEM.matcher(answer.body()).matches();
        if (!path.startsWith("/open311/")) {
            return problem ? null : "not problem+json";
        }
        boolean unreadable = answer.status() == 414 || answer.status() == 431
                || answer.body().contains("is not well-formed HTTP");
        boolean list = path.endsWith(".xml")
                ? answer.contentType().startsWith("text/xml") && OPEN311_XML.matcher(answer.body()).matches()
                : answer.contentType().startsWith("application/json") && OPEN311_JSON.matcher(answer.body()).matches();
        return list || unreadable && problem ? null : "not GeoReport v2's error list";
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
