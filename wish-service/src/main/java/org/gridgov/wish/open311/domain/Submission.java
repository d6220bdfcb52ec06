package org.gridgov.wish.open311.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.PersonalData;
import org.gridgov.wish.wish.domain.WantedBy;
import org.gridgov.wish.wish.domain.Wish;

/**
 * A GeoReport v2 {@code POST requests} as the spec shapes it (form fields {@code service_code},
 * {@code lat}/{@code long}, {@code address_string}, {@code address_id}, {@code first_name},
 * {@code last_name}, {@code phone}, {@code description}, {@code media_url}, {@code attribute[code]} …),
 * checked and read into what a wish needs. Every problem is an {@link Open311Refusal} with the spec's status.
 */
public record Submission(Category category, Optional<Coordinates> coordinates, Optional<String> addressString,
                         Optional<UUID> addressId, Wish.Order order, Optional<String> mediaUrl, String fingerprint) {

    public record Coordinates(double lat, double lon) {
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");
    private static final Pattern WEB_URL = Pattern.compile("https?://\\S{1,490}");
    private static final int MAX_NAME = 50;
    private static final int MAX_ADDRESS = 200;

    /**
     * @param form          the request's fields, the first value of each
     * @param communityZone where a plain date for {@code attribute[wanted_by]} ends
     */
    public static Submission read(Map<String, String> form, Instant now, ZoneId communityZone) {
        String code = text(form, "service_code").orElseThrow(() -> Open311Refusal.badRequest("service_code was not provided."));
        Category category = ServiceCatalogue.find(code).map(service -> Category.valueOf(service.code()))
                .orElseThrow(() -> Open311Refusal.notFound("service_code " + code + " was not found."));
        Map<String, String> attributes = attributes(form);

        Optional<Coordinates> coordinates = coordinates(form);
        Optional<String> address = text(form, "address_string");
        if (address.filter(a -> a.length() > MAX_ADDRESS).isPresent()) {
            throw Open311Refusal.badRequest("address_string must be at most " + MAX_ADDRESS + " characters.");
        }
        Optional<UUID> addressId = text(form, "address_id").map(id -> uuid(id, "address_id"));
        if (coordinates.isEmpty() && address.isEmpty() && addressId.isEmpty()) {
            throw Open311Refusal.badRequest("A location is required: lat and long, address_string or address_id.");
        }

        Optional<String> description = text(form, "description");
        if (description.filter(d -> d.codePointCount(0, d.length()) > Wish.MAX_DESCRIPTION).isPresent()) {
            throw Open311Refusal.badRequest("description must be at most " + Wish.MAX_DESCRIPTION + " characters.");
        }
        // optional in GeoReport v2: without one, the grid staff reach the resident through the app or at the address
        Optional<String> phone = text(form, "phone");
        if (phone.filter(number -> !PHONE.matcher(number).matches()).isPresent()) {
            throw Open311Refusal.badRequest("phone is not a phone number.");
        }
        Optional<String> mediaUrl = text(form, "media_url");
        if (mediaUrl.filter(url -> !WEB_URL.matcher(url).matches()).isPresent()) {
            throw Open311Refusal.badRequest("media_url must be an http or https URL of at most 500 characters.");
        }
        String title = Optional.ofNullable(attributes.get(ServiceCatalogue.TITLE))
                .or(() -> description.map(Submission::firstLine))
                .orElse(ServiceCatalogue.service(category).name());
        if (title.codePointCount(0, title.length()) > ServiceCatalogue.MAX_TITLE) {
            throw Open311Refusal.badRequest("attribute[title] must be at most " + ServiceCatalogue.MAX_TITLE + " characters.");
        }
        Optional<Instant> wantedBy = Optional.ofNullable(attributes.get(ServiceCatalogue.WANTED_BY))
                .map(text -> wantedBy(text, communityZone));
        if (wantedBy.filter(wanted -> !wanted.isAfter(now)).isPresent()) {
            throw Open311Refusal.badRequest("attribute[wanted_by] must lie in the future.");
        }
        String shownAddress = address.orElseGet(() -> coordinates
                .map(c -> String.format(Locale.ROOT, "%.6f,%.6f", c.lat(), c.lon()))
                .orElseGet(() -> "household " + addressId.orElseThrow()));
        PersonalData personal = new PersonalData(name(form), phone.orElse(PersonalData.NO_PHONE), shownAddress);
        Wish.Order order = new Wish.Order(category, title, description, wantedBy, personal);
        return new Submission(category, coordinates, address, addressId, order, mediaUrl, fingerprint(form));
    }

    private static Map<String, String> attributes(Map<String, String> form) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> known = ServiceCatalogue.ATTRIBUTES.stream().map(ServiceCatalogue.Attribute::code).toList();
        form.forEach((name, value) -> {
            Matcher matcher = ATTRIBUTE.matcher(name);
            if (matcher.matches()) {
                if (!known.contains(matcher.group(1))) {
                    throw Open311Refusal.badRequest("attribute[" + matcher.group(1) + "] is not an attribute of this service;"
                            + " see services/{service_code}.json.");
                }
                if (value != null && !value.isBlank()) {
                    attributes.put(matcher.group(1), value.strip());
                }
            }
        });
        return attributes;
    }

    private static Optional<Coordinates> coordinates(Map<String, String> form) {
        Optional<String> lat = text(form, "lat");
        Optional<String> lon = text(form, "long");
        if (lat.isEmpty() && lon.isEmpty()) {
            return Optional.empty();
        }
        if (lat.isEmpty() || lon.isEmpty()) {
            throw Open311Refusal.badRequest("lat and long go together.");
        }
        double latitude = number(lat.get(), "lat");
        double longitude = number(lon.get(), "long");
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw Open311Refusal.badRequest("lat must be within -90..90 and long within -180..180 (WGS84 degrees).");
        }
        return Optional.of(new Coordinates(latitude, longitude));
    }

    /** Family name first when the names are Chinese (张 + 三丰), given name first otherwise. */
    private static Optional<String> name(Map<String, String> form) {
        Optional<String> first = text(form, "first_name");
        Optional<String> last = text(form, "last_name");
        if (first.isEmpty() && last.isEmpty()) {
            return Optional.empty();
        }
        boolean chinese = last.orElse(first.orElse("")).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String name = chinese ? last.orElse("") + first.orElse("")
                : (first.orElse("") + " " + last.orElse("")).strip();
        if (name.length() > MAX_NAME) {
            throw Open311Refusal.badRequest("first_name and last_name together must be at most " + MAX_NAME + " characters.");
        }
        return Optional.of(name);
    }

    private static String firstLine(String description) {
        String line = description.strip().lines().findFirst().orElse("").strip();
        int[] points = line.codePoints().toArray();
        return points.length <= ServiceCatalogue.MAX_TITLE ? line
                : new String(points, 0, ServiceCatalogue.MAX_TITLE - 1) + "…";
    }

    /** An ISO 8601 time with a zone ({@code 2026-05-01T09:00:00+08:00} or {@code …Z}). */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Refusal.badRequest(text.strip() + " is not an ISO 8601 time with a time zone (e.g. 2026-05-01T09:00:00+08:00).");
        }
    }

    private static Instant wantedBy(String text, ZoneId communityZone) {
        try {
            return WantedBy.read(text, communityZone);
        } catch (IllegalArgumentException e) {
            throw Open311Refusal.badRequest("attribute[wanted_by] must be " + WantedBy.EXPECTED + ".");
        }
    }

    private static double number(String text, String field) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw Open311Refusal.badRequest(field + " must be a decimal number of degrees.");
        }
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Open311Refusal.badRequest(field + " is not an address id of this jurisdiction.");
        }
    }

    private static Optional<String> text(Map<String, String> form, String name) {
        return Optional.ofNullable(form.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Every field except the api_key, in a stable order: what makes two posts the same request. */
    private static String fingerprint(Map<String, String> form) {
        Map<String, String> sorted = new TreeMap<>(form);
        sorted.remove("api_key");
        return sorted.toString();
    }
}
