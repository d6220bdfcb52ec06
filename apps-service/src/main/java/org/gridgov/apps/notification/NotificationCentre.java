package org.gridgov.apps.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.apps.notification.domain.Templates;
import org.gridgov.apps.notification.persistence.NotificationStore;
import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Ids;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is told of what: each rule names an event type, the kind of notice (its zh-CN template) and who
 * receives it. The notices of an event are written in the inbox's transaction, one per recipient and
 * event ({@code unique (recipient, event_id)}), so a redelivered event tells nobody twice. A new event
 * (a meeting scheduled, an emergency call-out) is one line in {@link #RULES} and one template.
 */
@Component
class NotificationCentre implements EventHandler {

    /** What a rule sees of an event: its data and, for a wish, who ordered it and in which grid. */
    record Seen(JsonNode data, Optional<NotificationStore.WishParty> wish) {

        Optional<UUID> id(String field) {
            JsonNode value = data.path(field);
            return value.isString() ? Ids.parse(value.asString()) : Optional.empty();
        }

        List<Recipient> resident() {
            return wish.flatMap(NotificationStore.WishParty::resident).map(Recipient::person).stream().toList();
        }

        List<Recipient> gridStaff() {
            return wish.map(party -> Recipient.staffOf(party.gridId())).stream().toList();
        }

        List<Recipient> claimer() {
            JsonNode claimer = data.path("claimer");
            Optional<UUID> id = claimer.path("id").isString() ? Ids.parse(claimer.path("id").asString()) : Optional.empty();
            return id.map(value -> "UNIT".equals(claimer.path("kind").asString()) ? Recipient.unit(value) : Recipient.member(value))
                    .stream().toList();
        }
    }

    /** An urgent rule's messages ignore quiet hours and the per-person rate limit (an emergency call-out). */
    record Rule(EventType type, String kind, Function<Seen, List<Recipient>> recipients, boolean urgent) {

        Rule(EventType type, String kind, Function<Seen, List<Recipient>> recipients) {
            this(type, kind, recipients, false);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(EventType.WISH_SUBMITTED, "wish-submitted-resident", Seen::resident),
            new Rule(EventType.WISH_SUBMITTED, "wish-submitted-grid", Seen::gridStaff),
            new Rule(EventType.WISH_DISPATCHED, "wish-dispatched-resident", Seen::resident),
            new Rule(EventType.WISH_DISPATCHED, "wish-dispatched-candidate", seen -> ids(seen.data().path("candidateUnits"))
                    .stream().map(Recipient::unit).toList()),
            new Rule(EventType.WISH_REJECTED, "wish-rejected-resident", Seen::resident),
            new Rule(EventType.WISH_CLAIMED, "wish-claimed-resident", Seen::resident),
            new Rule(EventType.WISH_CLAIMED, "wish-claimed-claimer", Seen::claimer),
            new Rule(EventType.WISH_FULFILLED, "wish-fulfilled-resident", Seen::resident),
            new Rule(EventType.WISH_CLOSED, "wish-closed-resident", Seen::resident),
            new Rule(EventType.WISH_CANCELLED, "wish-cancelled-resident", Seen::resident),
            new Rule(EventType.WISH_ESCALATED, "wish-escalated-grid", Seen::gridStaff),
            new Rule(EventType.CASE_STATUS_CHANGED, "case-referred-department", seen ->
                    "REFERRED".equals(seen.data().path("status").asString())
                            ? seen.id("departmentId").map(Recipient::department).stream().toList() : List.of()),
            new Rule(EventType.PROJECT_MILESTONE_OVERDUE, "project-milestone-overdue-unit", seen ->
                    seen.id("unitId").map(Recipient::unit).stream().toList()),
            new Rule(EventType.MEETING_SCHEDULED, "meeting-invited", seen -> {
                List<Recipient> invitees = new ArrayList<>();
                ids(seen.data().path("invitedUnitIds")).forEach(unit -> invitees.add(Recipient.unit(unit)));
                ids(seen.data().path("invitedMemberIds")).forEach(member -> invitees.add(Recipient.member(member)));
                return invitees;
            }),
            // 四个一: the first missed weekly visit reminds the carers, the next ones the grid's chief
            new Rule(EventType.CARE_VISIT_MISSED, "care-visit-missed-carer", seen ->
                    "REMINDER".equals(seen.data().path("level").asString()) ? carers(seen.data().path("carers")) : List.of()),
            new Rule(EventType.CARE_VISIT_MISSED, "care-visit-missed-grid", seen ->
                    "ESCALATION".equals(seen.data().path("level").asString())
                            ? seen.id("gridId").map(Recipient::staffOf).stream().toList() : List.of()),
            // 战时攻坚: the most urgent message the platform sends, at any hour and beyond the rate limit
            new Rule(EventType.OPERATION_CALLED_OUT, "operation-called-out", seen -> {
                List<Recipient> called = new ArrayList<>();
                ids(seen.data().path("unitIds")).forEach(unit -> called.add(Recipient.unit(unit)));
                ids(seen.data().path("memberIds")).forEach(member -> called.add(Recipient.member(member)));
                return called;
            }, true));

    private final NotificationStore store;
    private final Deliveries deliveries;
    private final Templates templates = new Templates();
    private final JsonMapper json;

    NotificationCentre(NotificationStore store, Deliveries deliveries, JsonMapper json) {
        this.store = store;
        this.deliveries = deliveries;
        this.json = json;
        RULES.forEach(rule -> {
            if (!templates.has(rule.kind())) {
                throw new IllegalStateException("no zh-CN template for " + rule.kind());
            }
        });
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public Set<Topic> topics() {
        Set<Topic> topics = new java.util.HashSet<>();
        RULES.forEach(rule -> topics.add(rule.type().topic()));
        return Set.copyOf(topics);
    }

    /** Only the types a rule names: the others pass by without a transaction. */
    @Override
    public boolean handles(String type) {
        return RULES.stream().anyMatch(rule -> rule.type().type().equals(type));
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        return handleAll(List.of(event));
    }

    /** An event some rule names, read. */
    private record Incoming(CloudEvent event, List<Rule> rules, JsonNode data) {
    }

    /**
     * A polled batch with a few statements: the wishes' parties its submissions name, remembered first (so that
     * the batch's later events of those wishes find them), the parties of its other wish events, and its notices
     * in one insert; then each notice's deliveries.
     */
    @Override
    public Mono<Void> handleAll(List<CloudEvent> events) {
        List<Incoming> incoming = new ArrayList<>();
        for (CloudEvent event : events) {
            List<Rule> rules = RULES.stream().filter(rule -> rule.type().type().equals(event.type())).toList();
            if (!rules.isEmpty()) {
                incoming.add(new Incoming(event, rules, json.readTree(event.data())));
            }
        }
        if (incoming.isEmpty()) {
            return Mono.empty();
        }
        Map<String, NotificationStore.WishParty> named = new HashMap<>();
        Set<UUID> looked = new HashSet<>();
        for (Incoming event : incoming) {
            if (event.event().type().equals(EventType.WISH_SUBMITTED.type())) {
                submittedParty(event.event(), event.data()).ifPresent(party -> named.put(event.event().id(), party));
            } else if (event.event().type().startsWith("org.gridgov.wish.")) {
                Ids.parse(event.event().subject()).ifPresent(looked::add);
            }
        }
        return store.rememberAll(incoming.stream().map(event -> named.get(event.event().id())).filter(Objects::nonNull).toList())
                .then(store.wishParties(looked))
                .flatMap(parties -> {
                    List<NotificationStore.Notice> notices = new ArrayList<>();
                    List<Deliveries.Notice> toSchedule = new ArrayList<>();
                    for (Incoming event : incoming) {
                        Optional<NotificationStore.WishParty> party = event.event().type().equals(EventType.WISH_SUBMITTED.type())
                                ? Optional.ofNullable(named.get(event.event().id()))
                                : Ids.parse(event.event().subject()).map(parties::get);
                        notices(event, party, notices, toSchedule);
                    }
                    return store.insertAll(notices).thenMany(Flux.fromIterable(toSchedule).concatMap(deliveries::schedule))
                            .then();
                });
    }

    private void notices(Incoming event, Optional<NotificationStore.WishParty> party, List<NotificationStore.Notice> notices,
                         List<Deliveries.Notice> toSchedule) {
        CloudEvent cloudEvent = event.event();
        Instant at = cloudEvent.time().truncatedTo(ChronoUnit.MICROS);
        Seen seen = new Seen(event.data(), party);
        Map<String, String> values = values(event.data());
        for (Rule rule : event.rules()) {
            String text = templates.render(rule.kind(), values);
            for (Recipient recipient : rule.recipients().apply(seen)) {
                notices.add(new NotificationStore.Notice(UUID.randomUUID(), recipient, cloudEvent.id(), cloudEvent.type(),
                        rule.kind(), cloudEvent.subject(), text, at));
                toSchedule.add(new Deliveries.Notice(recipient, cloudEvent.id(), cloudEvent.type(), rule.kind(),
                        cloudEvent.subject(), rule.urgent(), templates.values(rule.kind(), values), text));
            }
        }
    }

    /** A wish's resident and grid, as its submission names them: remembered for its later events. */
    private static Optional<NotificationStore.WishParty> submittedParty(CloudEvent event, JsonNode data) {
        Optional<UUID> wishId = Ids.parse(event.subject());
        Optional<UUID> grid = Ids.parse(data.path("gridId").asString());
        if (wishId.isEmpty() || grid.isEmpty()) {
            return Optional.empty();
        }
        JsonNode actor = data.path("actor");
        Optional<String> resident = "RESIDENT".equals(actor.path("role").asString())
                ? Optional.of(actor.path("id").asString()) : Optional.empty();
        return Optional.of(new NotificationStore.WishParty(wishId.get(), resident, grid.get()));
    }

    /** The event's text fields, for the templates' placeholders. */
    private static Map<String, String> values(JsonNode data) {
        Map<String, String> values = new java.util.HashMap<>();
        data.properties().forEach(field -> {
            if (field.getValue().isString() || field.getValue().isNumber()) {
                values.put(field.getKey(), field.getValue().asString());
            }
        });
        return values;
    }

    /** A carer is grid staff (their token's subject) or a party member (their id). */
    private static List<Recipient> carers(JsonNode array) {
        List<Recipient> carers = new ArrayList<>();
        array.forEach(item -> carers.add(Ids.parse(item.asString()).map(Recipient::member)
                .orElseGet(() -> Recipient.person(item.asString()))));
        return carers;
    }

    private static List<UUID> ids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(item -> Ids.parse(item.asString()).ifPresent(ids::add));
        return ids;
    }
}
