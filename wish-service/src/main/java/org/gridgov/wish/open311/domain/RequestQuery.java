package org.gridgov.wish.open311.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.Ids;
import org.gridgov.wish.wish.domain.WishStatus;

/**
 * {@code GET requests} as GeoReport v2 shapes it: a comma list of {@code service_request_id} (which
 * overrides every other filter), or {@code service_code} (comma list), {@code start_date} /
 * {@code end_date} (at most 90 days apart; by default the last 90 days) and {@code status}
 * ({@code open}, {@code closed}); plus {@code page} / {@code page_size} and {@code extensions}.
 */
public record RequestQuery(List<UUID> ids, Set<Category> categories, Instant start, Instant end, Set<WishStatus> statuses,
                           int page, int pageSize, boolean extensions) {

    public static final Duration MAX_SPAN = Duration.ofDays(90);
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_IDS = 200;

    public boolean byIds() {
        return !ids.isEmpty();
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    public static RequestQuery read(Map<String, String> params, Instant now) {
        int page = whole(params, "page", 1, 1, 100_000);
        int pageSize = whole(params, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        boolean extensions = Optional.ofNullable(params.get("extensions")).map(String::strip).map(value -> switch (value) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw Open311Refusal.badRequest("extensions must be true or false.");
        }).orElse(false);

        List<String> ids = list(params, "service_request_id");
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_IDS) {
                throw Open311Refusal.badRequest("At most " + MAX_IDS + " service_request_id values at once.");
            }
            // an id that is no id of ours is simply not found, like any other unknown id
            List<UUID> uuids = ids.stream().flatMap(id -> Ids.parse(id).stream()).toList();
            return new RequestQuery(uuids.isEmpty() ? List.of(new UUID(0, 0)) : uuids, Set.of(), Instant.MIN, Instant.MAX,
                    Set.of(), page, pageSize, extensions);
        }
        Set<Category> categories = new LinkedHashSet<>();
        for (String code : list(params, "service_code")) {
            categories.add(ServiceCatalogue.find(code).map(service -> Category.valueOf(service.code()))
                    .orElseThrow(() -> Open311Refusal.badRequest("service_code " + code + " was not found.")));
        }
        Optional<Instant> start = Optional.ofNullable(params.get("start_date")).filter(s -> !s.isBlank()).map(Submission::instant);
        Optional<Instant> end = Optional.ofNullable(params.get("end_date")).filter(s -> !s.isBlank()).map(Submission::instant);
        Instant to = end.orElseGet(() -> start.map(from -> from.plus(MAX_SPAN)).orElse(now));
        Instant from = start.orElse(to.minus(MAX_SPAN));
        if (from.isAfter(to)) {
            throw Open311Refusal.badRequest("start_date must not be after end_date.");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw Open311Refusal.badRequest("start_date and end_date may be at most 90 days apart.");
        }
        Set<WishStatus> statuses = new LinkedHashSet<>();
        list(params, "status").forEach(status -> statuses.addAll(RequestStatus.statusesFor(status)));
        return new RequestQuery(List.of(), categories, from, to, statuses, page, pageSize, extensions);
    }

    private static List<String> list(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).distinct().toList();
    }

    private static int whole(Map<String, String> params, String name, int fallback, int min, int max) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw Open311Refusal.badRequest(name + " must be a whole number from " + min + " to " + max + ".");
        }
    }
}
