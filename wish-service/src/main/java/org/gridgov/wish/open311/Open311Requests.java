package org.gridgov.wish.open311;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.Ids;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.data.Listing;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.wish.attachment.domain.Attachment;
import org.gridgov.wish.attachment.persistence.AttachmentStore;
import org.gridgov.wish.open311.domain.Open311App;
import org.gridgov.wish.open311.domain.Open311Refusal;
import org.gridgov.wish.open311.domain.RequestQuery;
import org.gridgov.wish.open311.domain.RequestStatus;
import org.gridgov.wish.open311.domain.ServiceCatalogue;
import org.gridgov.wish.open311.domain.Submission;
import org.gridgov.wish.open311.persistence.Open311Store;
import org.gridgov.wish.readmodel.HouseholdDirectory;
import org.gridgov.wish.wish.WishWorkflow;
import org.gridgov.wish.wish.domain.Claimer;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.gridgov.wish.wish.domain.HistoryEntry;
import org.gridgov.wish.wish.domain.PersonalData;
import org.gridgov.wish.wish.domain.Wish;
import org.gridgov.wish.wish.domain.WishStatus;
import org.gridgov.wish.wish.persistence.WishStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GeoReport v2 service requests on top of wishes: a posted request is submitted as a wish by the app
 * (through the workflow, like any other order), and wishes read back as service requests. An app
 * sees the requests inside its jurisdiction; residents' personal data (name, phone, address, exact
 * coordinates) only with the {@value Open311App#PERSONAL_DATA} scope, masked otherwise.
 */
@Component
public class Open311Requests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AttachmentStore photos;
    /** Where the API is reached from outside: a photo's {@code media_url} is absolute. */
    private final URI apiRoot;
    private final Open311Apps apps;

    private final WishWorkflow workflow;
    private final WishStore wishes;
    private final HouseholdDirectory households;
    private final Open311Store store;
    private final GridTree tree;
    private final Idempotency idempotency;
    private final Clock clock;
    private final ZoneId communityZone;

    Open311Requests(Open311Apps apps, WishWorkflow workflow, WishStore wishes, HouseholdDirectory households,
                    Open311Store store, GridTree tree, Idempotency idempotency, Clock clock,
                    @Value("${gridgov.wish.time-zone}") ZoneId communityZone, AttachmentStore photos,
                    Open311Properties properties) {
        this.communityZone = communityZone;
        this.photos = photos;
        this.apiRoot = URI.create(properties.baseUrl()).resolve("/");
        this.apps = apps;
        this.workflow = workflow;
        this.wishes = wishes;
        this.households = households;
        this.store = store;
        this.tree = tree;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** What {@code POST requests} answers: the new request's id and the token it can also be followed by. */
    public record Receipt(String service_request_id, String token, String service_notice, String account_id) {
    }

    /** The app holding this api_key, allowed {@code scope}; the spec's 403 otherwise. */
    public Mono<Open311App> app(String apiKey, String scope, String action) {
        if (apiKey == null || apiKey.isBlank()) {
            return Mono.error(Open311Refusal.forbidden("api_key was not provided -- can't proceed with " + action + "."));
        }
        return apps.byApiKey(apiKey)
                .switchIfEmpty(Mono.error(() -> Open311Refusal.forbidden("Invalid api_key received -- can't proceed with "
                        + action + ".")))
                .filter(app -> app.has(scope))
                .switchIfEmpty(Mono.error(() -> Open311Refusal.forbidden("This app was not granted " + scope
                        + " -- can't proceed with " + action + ".")));
    }

    public Mono<ResponseEntity<Receipt[]>> submit(Open311App app, Map<String, String> form, String idempotencyKey) {
        Submission submission = Submission.read(form, clock.instant(), communityZone);
        Caller caller = callerOf(app);
        return idempotency.once(idempotencyKey, caller, "POST /open311/v2/requests\u0000" + submission.fingerprint(),
                Receipt[].class, () -> place(submission)
                        .filter(placed -> placed.location().areaPath().contains(app.jurisdiction()))
                        .switchIfEmpty(Mono.error(() -> Open311Refusal.forbidden(
                                "The location lies outside this app's jurisdiction.")))
                        .flatMap(placed -> workflow.submit(caller, submission.order(), placed.location())
                                .flatMap(stored -> {
                                    String token = requestToken();
                                    return store.insert(new Open311Store.Extra(stored.wish().id(), app.id(), token,
                                                    submission.coordinates().map(Submission.Coordinates::lat),
                                                    submission.coordinates().map(Submission.Coordinates::lon),
                                                    submission.addressId(), submission.mediaUrl(), placed.by()))
                                            .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(new Receipt[] {
                                                    new Receipt(stored.wish().id().toString(), token, notice(stored), null)}));
                                })));
    }

    private record Placed(HouseholdDirectory.Location location, Open311Store.PlacedBy by) {
    }

    /** address_id first, then address_string, then the coordinates; the spec's 400 when none places it. */
    private Mono<Placed> place(Submission submission) {
        Mono<Placed> byHousehold = Mono.justOrEmpty(submission.addressId()).flatMap(households::locateHousehold)
                .map(location -> new Placed(location, Open311Store.PlacedBy.HOUSEHOLD));
        Mono<Placed> byAddress = Mono.justOrEmpty(submission.addressString()).flatMap(households::locate)
                .map(location -> new Placed(location, Open311Store.PlacedBy.ADDRESS));
        Mono<Placed> byCoordinates = Mono.justOrEmpty(submission.coordinates())
                .flatMap(at -> store.microGridNear(at.lat(), at.lon()))
                .flatMap(households::locateMicroGrid)
                .map(location -> new Placed(location, Open311Store.PlacedBy.COORDINATES));
        return byHousehold.switchIfEmpty(byAddress).switchIfEmpty(byCoordinates)
                .switchIfEmpty(Mono.error(() -> Open311Refusal.badRequest(submission.addressString().isPresent()
                        || submission.addressId().isPresent()
                        ? "The location could not be placed in a micro-grid: no registered household at that address."
                        : "lat/long could not be placed in a micro-grid: no registered address is known near it;"
                                + " send address_string as well.")));
    }

    /** The request with this id, or the spec's 404 when it is unknown or outside the app's jurisdiction. */
    public Mono<List<Map<String, Object>>> find(Open311App app, String id, boolean extensions) {
        Optional<UUID> wishId = Ids.parse(id);
        return Mono.justOrEmpty(wishId).flatMap(wishes::find)
                .filter(stored -> stored.areaPath().contains(app.jurisdiction()))
                .switchIfEmpty(Mono.error(() -> Open311Refusal.notFound("service_request_id " + id + " was not found.")))
                .flatMap(stored -> views(app, List.of(stored), extensions));
    }

    public Mono<List<Map<String, Object>>> list(Open311App app, RequestQuery query) {
        Listing listing = WishStore.listing().where(":jurisdiction = any(w.area_path)", "jurisdiction", app.jurisdiction());
        if (query.byIds()) {
            listing.where("w.id = any(:ids)", "ids", query.ids().toArray(UUID[]::new));
        } else {
            listing.where("w.submitted_at >= :start", "start", Sql.utc(query.start()))
                    .where("w.submitted_at <= :end", "end", Sql.utc(query.end()));
            if (!query.categories().isEmpty()) {
                listing.where("w.category = any(:categories)", "categories",
                        query.categories().stream().map(Enum::name).toArray(String[]::new));
            }
            if (!query.statuses().isEmpty()) {
                listing.where("w.status = any(:statuses)", "statuses",
                        query.statuses().stream().map(Enum::name).toArray(String[]::new));
            }
        }
        return wishes.slice(listing, query.offset(), query.pageSize())
                .flatMap(found -> views(app, found, query.extensions()));
    }

    /** The token's request: {@code [{"service_request_id":…,"token":…}]}; 404 for a token of another app. */
    public Mono<List<Map<String, Object>>> token(Open311App app, String token) {
        return store.wishOfToken(token, app.id())
                .switchIfEmpty(Mono.error(() -> Open311Refusal.notFound("token " + token + " was not found.")))
                .map(wishId -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("service_request_id", wishId.toString());
                    view.put("token", token);
                    return List.of(view);
                });
    }

    private Mono<List<Map<String, Object>>> views(Open311App app, List<WishStore.Stored> found, boolean extensions) {
        if (found.isEmpty()) {
            return Mono.just(List.of());
        }
        List<UUID> ids = found.stream().map(stored -> stored.wish().id()).toList();
        Set<UUID> nodes = new HashSet<>();
        found.forEach(stored -> {
            nodes.add(stored.wish().placement().gridId());
            nodes.add(stored.wish().placement().communityId());
        });
        Mono<Map<UUID, String>> names = Flux.fromIterable(nodes).flatMap(tree::find).collectMap(GridNode::id, GridNode::name);
        return Mono.zip(store.of(ids), wishes.histories(ids), names, photos.firstOf(ids)).map(all -> {
            List<Map<String, Object>> views = new ArrayList<>();
            for (WishStore.Stored stored : found) {
                Map<String, Object> view = view(app, stored, Optional.ofNullable(all.getT1().get(stored.wish().id())),
                        all.getT2().getOrDefault(stored.wish().id(), List.of()), all.getT3(), extensions);
                // the app's own media_url first; else the first photo added to the wish
                UUID photo = all.getT4().get(stored.wish().id());
                if (view.get("media_url") == null && photo != null) {
                    view.put("media_url", apiRoot.resolve(Attachment.path(stored.wish().id(), photo)).toString());
                }
                views.add(view);
            }
            return views;
        });
    }

    /** One service request with every field of the spec, in the spec's order. */
    private static Map<String, Object> view(Open311App app, WishStore.Stored stored, Optional<Open311Store.Extra> extra,
                                           List<HistoryEntry> history, Map<UUID, String> names, boolean extensions) {
        Wish wish = stored.wish();
        boolean clear = app.has(Open311App.PERSONAL_DATA);
        PersonalData personal = clear ? wish.personalDataForGrantedApp() : wish.maskedPersonalData();
        String status = RequestStatus.of(wish.status());
        String grid = names.getOrDefault(wish.placement().communityId(), "") + " "
                + names.getOrDefault(wish.placement().gridId(), "");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_request_id", wish.id().toString());
        view.put("status", status);
        view.put("status_notes", RequestStatus.notes(wish.status(), wish.level(), history));
        view.put("service_name", ServiceCatalogue.service(wish.category()).name());
        view.put("service_code", wish.category().name());
        view.put("description", wish.description().orElse(wish.title()));
        view.put("agency_responsible", agency(wish, grid.strip()));
        view.put("service_notice", null);
        view.put("requested_datetime", time(wish.submittedAt()));
        view.put("updated_datetime", time(history.isEmpty() ? wish.submittedAt() : history.get(history.size() - 1).at()));
        view.put("expected_datetime", status.equals(RequestStatus.OPEN) ? stored.dueAt().map(Open311Requests::time).orElse(null) : null);
        view.put("address", extra.filter(e -> e.placedBy() == Open311Store.PlacedBy.COORDINATES
                || e.placedBy() == Open311Store.PlacedBy.HOUSEHOLD).isPresent() ? null : personal.address());
        view.put("address_id", extra.flatMap(Open311Store.Extra::addressId).map(UUID::toString).orElse(null));
        view.put("zipcode", null);
        view.put("lat", extra.flatMap(Open311Store.Extra::lat).map(lat -> clear ? lat : coarse(lat)).orElse(null));
        view.put("long", extra.flatMap(Open311Store.Extra::lon).map(lon -> clear ? lon : coarse(lon)).orElse(null));
        view.put("media_url", extra.flatMap(Open311Store.Extra::mediaUrl).orElse(null));
        if (extensions) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("title", wish.title());
            attributes.put("gridgov_status", wish.status().name());
            attributes.put("escalation_level", wish.level().name());
            attributes.put("grid_id", wish.placement().gridId().toString());
            attributes.put("resident_name", personal.name().orElse(null));
            attributes.put("resident_phone", personal.phone());
            attributes.put("personal_data", clear ? "clear" : "masked");
            view.put("extended_attributes", attributes);
            view.put("notes", history.stream().map(Open311Requests::note).toList());
        }
        return view;
    }

    private static Map<String, Object> note(HistoryEntry entry) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("datetime", time(entry.at()));
        note.put("summary", RequestStatus.summary(entry.action()));
        note.put("description", entry.reason().orElse(null));
        note.put("type", entry.action().name().toLowerCase());
        note.put("status", RequestStatus.of(entry.to()));
        return note;
    }

    /** The unit or party member serving the request, else the grid that answers for it. */
    private static String agency(Wish wish, String grid) {
        Optional<Claimer> claimer = wish.claimer().filter(c -> wish.status().isHeldByClaimer()
                || wish.status() == WishStatus.CLOSED);
        return claimer.map(c -> (c.kind() == ClaimerKind.UNIT ? "Member unit " : "Party member ") + c.id() + ", " + grid)
                .orElse(grid);
    }

    private static String notice(WishStore.Stored stored) {
        return stored.dueAt().map(due -> "Received by the grid; it will be dispatched by " + time(due) + ".")
                .orElse("Received by the grid.");
    }

    /** About 100 metres: enough to see where help is needed, not whose door it is. */
    private static double coarse(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    /** The app as a verified caller, for requests it authenticated with its API key. */
    private static Caller callerOf(Open311App app) {
        return new Caller(app.id().toString(), Set.of(Role.CLIENT), Optional.of(app.jurisdiction().toString()),
                Optional.empty(), Optional.empty(), app.scopes());
    }

    /** 256 random bits, URL-safe: the token a request can also be followed by. */
    private static String requestToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "gg_req_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
