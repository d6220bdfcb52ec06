package org.gridgov.wish.wish.domain;

import static org.gridgov.wish.wish.domain.WishRefused.Reason.INVALID;
import static org.gridgov.wish.wish.domain.WishRefused.Reason.NOT_ALLOWED;
import static org.gridgov.wish.wish.domain.WishRefused.Reason.NOT_VISIBLE;
import static org.gridgov.wish.wish.domain.WishRefused.Reason.WRONG_STATE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.Category;

/**
 * A resident's micro-wish (微心愿) and the workflow it goes through (docs/design.md §4):
 * <pre>
 * SUBMITTED --dispatch--> DISPATCHED --claim--> CLAIMED --fulfil--> FULFILLED --close--> CLOSED
 *     |  \--reject--> REJECTED         ^   |release
 *     \--cancel (before CLAIMED)--> CANCELLED
 * CLOSED --reopen (the resident, within 7 days)--> DISPATCHED
 * SUBMITTED | DISPATCHED --information request--> AWAITING_INFO --information (the resident)--> back
 * </pre>
 * Immutable: every command either returns the changed wish with the history entry that records the
 * change, or throws {@link WishRefused} and changes nothing. Checks run in the order a user can make
 * sense of: may you see it (else "not found"), may you do this (else "forbidden"), can it happen now
 * (else "conflict").
 */
public final class Wish {

    /** Longest free text a command may carry (a reason, a note, a comment). */
    public static final int MAX_TEXT = 2000;
    /** Longest description of a wish (what Open311 apps may send, too). */
    public static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_CANDIDATES = 50;
    private static final int MAX_SERVED_MEMBERS = 50;
    /** How long after closing the resident may still reopen a wish that was not really done. */
    public static final Duration REOPEN_WITHIN = Duration.ofDays(7);

    private final UUID id;
    private WishStatus status;
    private long version;
    private final Category category;
    private final String title;
    private final Optional<String> description;
    private final Optional<Instant> wantedBy;
    private final Placement placement;
    private final Submitter submitter;
    private final PersonalData personalData;
    private Optional<Claimer> claimer;
    private List<UUID> candidateUnits;
    private List<UUID> servedMemberIds;
    private Optional<Integer> rating;
    private Optional<String> ratingComment;
    private Optional<String> evidenceUrl;
    private final EscalationLevel level;
    private final Instant submittedAt;
    private Optional<Instant> dispatchedAt;
    private Optional<Instant> claimedAt;
    private Optional<Instant> fulfilledAt;
    private Optional<Instant> closedAt;
    private Optional<Instant> endedAt;
    private Followup followup;

    /** What a resident asks for when ordering a wish. */
    public record Order(Category category, String title, Optional<String> description, Optional<Instant> wantedBy,
                        PersonalData personalData) {
    }

    /** A wish exactly as it was stored: every field, for the persistence adapter. */
    public record Snapshot(UUID id, WishStatus status, long version, Category category, String title,
                           Optional<String> description, Optional<Instant> wantedBy, Placement placement,
                           Submitter submitter, PersonalData personalData, Optional<Claimer> claimer,
                           List<UUID> candidateUnits, List<UUID> servedMemberIds, Optional<Integer> rating,
                           Optional<String> ratingComment, Optional<String> evidenceUrl, EscalationLevel level,
                           Instant submittedAt,
                           Optional<Instant> dispatchedAt, Optional<Instant> claimedAt, Optional<Instant> fulfilledAt,
                           Optional<Instant> closedAt, Optional<Instant> endedAt, Followup followup) {
    }

    /**
     * What residents' push-back left on the wish: how often it was reopened and urged (催单), when it
     * was last urged, and the status it returns to once the resident answers the grid's question.
     */
    public record Followup(int reopened, int urged, Optional<Instant> lastUrgedAt, Optional<WishStatus> awaitingFrom) {

        public static final Followup NONE = new Followup(0, 0, Optional.empty(), Optional.empty());

        /** No longer waiting for an answer. */
        Followup resumed() {
            return new Followup(reopened, urged, lastUrgedAt, Optional.empty());
        }
    }

    private Wish(Snapshot s) {
        this.id = Objects.requireNonNull(s.id());
        this.status = Objects.requireNonNull(s.status());
        this.version = s.version();
        this.category = Objects.requireNonNull(s.category());
        this.title = Objects.requireNonNull(s.title());
        this.description = s.description();
        this.wantedBy = s.wantedBy();
        this.placement = Objects.requireNonNull(s.placement());
        this.submitter = Objects.requireNonNull(s.submitter());
        this.personalData = Objects.requireNonNull(s.personalData());
        this.claimer = s.claimer();
        this.candidateUnits = List.copyOf(s.candidateUnits());
        this.servedMemberIds = List.copyOf(s.servedMemberIds());
        this.rating = s.rating();
        this.ratingComment = s.ratingComment();
        this.evidenceUrl = s.evidenceUrl();
        this.level = Objects.requireNonNull(s.level());
        this.submittedAt = Objects.requireNonNull(s.submittedAt());
        this.dispatchedAt = s.dispatchedAt();
        this.claimedAt = s.claimedAt();
        this.fulfilledAt = s.fulfilledAt();
        this.closedAt = s.closedAt();
        this.endedAt = s.endedAt();
        this.followup = Objects.requireNonNull(s.followup());
    }

    public static Wish restore(Snapshot snapshot) {
        return new Wish(snapshot);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, status, version, category, title, description, wantedBy, placement, submitter,
                personalData, claimer, candidateUnits, servedMemberIds, rating, ratingComment, evidenceUrl, level,
                submittedAt, dispatchedAt, claimedAt, fulfilledAt, closedAt, endedAt, followup);
    }

    /**
     * 居民点单: a resident orders a wish for themselves, grid staff order one on a resident's behalf
     * (only inside their grid), or a client app (a hotline) passes one on.
     */
    public static Change submit(UUID id, Actor actor, Order order, Placement placement, Instant at) {
        ActorRole role;
        if (actor.has(ActorRole.RESIDENT)) {
            role = ActorRole.RESIDENT;
        } else if (actor.has(ActorRole.GRID_STAFF) && actor.coversWishArea()) {
            role = ActorRole.GRID_STAFF;
        } else if (actor.has(ActorRole.CLIENT)) {
            role = ActorRole.CLIENT;
        } else {
            throw new WishRefused(NOT_ALLOWED,
                    "Only a resident, the staff of the resident's grid or a client app can order a wish.");
        }
        requireText(order.title(), "title", 100);
        order.description().ifPresent(text -> requireText(text, "description", MAX_DESCRIPTION));
        if (order.wantedBy().filter(wanted -> !wanted.isAfter(at)).isPresent()) {
            throw new WishRefused(INVALID, "wantedBy must lie in the future.");
        }
        Wish wish = new Wish(new Snapshot(id, WishStatus.SUBMITTED, 0, order.category(), order.title().strip(),
                order.description().map(String::strip), order.wantedBy(), placement,
                new Submitter(actor.id(), role), order.personalData(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), EscalationLevel.GRID, at, Optional.empty(),
                Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Followup.NONE));
        return wish.changed(Action.SUBMITTED, Optional.empty(), actor.id(), role, at, Optional.empty());
    }

    /** 网格派单: the grid passes the wish on for claiming, optionally pointing at candidate units. */
    public Change dispatch(Actor actor, List<UUID> candidates, Optional<String> note, Instant at) {
        ActorRole role = requireGridHandler(actor, "dispatch");
        requireStatus(WishStatus.SUBMITTED, "dispatched");
        if (candidates.size() > MAX_CANDIDATES) {
            throw new WishRefused(INVALID, "At most " + MAX_CANDIDATES + " candidate units.");
        }
        note.ifPresent(text -> requireText(text, "note", MAX_TEXT));
        Wish next = copy();
        next.status = WishStatus.DISPATCHED;
        next.candidateUnits = candidates.stream().distinct().toList();
        next.dispatchedAt = Optional.of(at);
        return next.changed(Action.DISPATCHED, Optional.of(status), actor.id(), role, at, note);
    }

    public Change reject(Actor actor, String reason, Instant at) {
        ActorRole role = requireGridHandler(actor, "reject");
        if (status != WishStatus.AWAITING_INFO) {
            // the grid may also give up on a wish whose resident never answered its question
            requireStatus(WishStatus.SUBMITTED, "rejected");
        }
        requireText(reason, "reason", MAX_TEXT);
        Wish next = copy();
        next.status = WishStatus.REJECTED;
        next.followup = followup.resumed();
        next.endedAt = Optional.of(at);
        return next.changed(Action.REJECTED, Optional.of(status), actor.id(), role, at, Optional.of(reason.strip()));
    }

    /**
     * 成员单位接单: a unit of the community's Grand Party Committee, or a party member of the
     * community in person, claims the wish. Only one claim holds at a time.
     */
    public Change claim(Actor actor, Instant at) {
        requireVisible(actor);
        Claimer next = claimerFor(actor).orElseThrow(() -> new WishRefused(NOT_ALLOWED,
                "Only a member unit of this community's Grand Party Committee or a party member of the community"
                        + " can claim this wish."));
        if (status == WishStatus.CLAIMED) {
            throw new WishRefused(WRONG_STATE, "This wish is already claimed.");
        }
        requireStatus(WishStatus.DISPATCHED, "claimed");
        Wish changed = copy();
        changed.status = WishStatus.CLAIMED;
        changed.claimer = Optional.of(next);
        changed.claimedAt = Optional.of(at);
        return changed.changed(Action.CLAIMED, Optional.of(status), actor.id(), next.actingRole(), at, Optional.empty());
    }

    /** The claimer gives the wish up; it is open for claiming again. */
    public Change release(Actor actor, String reason, Instant at) {
        Claimer holder = requireClaimer(actor, "release");
        requireStatus(WishStatus.CLAIMED, "released");
        requireText(reason, "reason", MAX_TEXT);
        Wish next = copy();
        next.status = WishStatus.DISPATCHED;
        next.claimer = Optional.empty();
        next.servedMemberIds = List.of();
        return next.changed(Action.RELEASED, Optional.of(status), actor.id(), holder.actingRole(), at,
                Optional.of(reason.strip()));
    }

    /**
     * The claimer reports the wish done. A unit names the party members who served (they earn the
     * points on close); a party member claiming in person served themselves.
     */
    public Change fulfil(Actor actor, String note, Optional<String> evidence, List<UUID> servedBy, Instant at) {
        Claimer holder = requireClaimer(actor, "fulfil");
        requireStatus(WishStatus.CLAIMED, "fulfilled");
        requireText(note, "note", MAX_TEXT);
        evidence.ifPresent(url -> requireText(url, "evidenceUrl", MAX_TEXT));
        if (servedBy.size() > MAX_SERVED_MEMBERS) {
            throw new WishRefused(INVALID, "At most " + MAX_SERVED_MEMBERS + " members who served.");
        }
        Wish next = copy();
        next.status = WishStatus.FULFILLED;
        next.servedMemberIds = holder.kind() == ClaimerKind.PARTY_MEMBER
                ? List.of(holder.id())
                : servedBy.stream().distinct().toList();
        next.evidenceUrl = evidence.map(String::strip);
        next.fulfilledAt = Optional.of(at);
        return next.changed(Action.FULFILLED, Optional.of(status), actor.id(), holder.actingRole(), at,
                Optional.of(note.strip()));
    }

    /**
     * 完成销单: the resident confirms and rates the service, or grid staff close it on the resident's
     * behalf (a resident without the app), where a rating is optional.
     */
    public Change close(Actor actor, Optional<Integer> givenRating, Optional<String> comment, Instant at) {
        requireVisible(actor);
        ActorRole role;
        if (submitter.is(actor) && submitter.role() != ActorRole.GRID_STAFF) {
            role = submitter.role();
            if (givenRating.isEmpty()) {
                throw new WishRefused(INVALID, "A rating from 1 to 5 is required.");
            }
        } else if (mayHandleAsGrid(actor)) {
            role = gridRole(actor);
        } else {
            throw new WishRefused(NOT_ALLOWED,
                    "Only the resident, or the staff of the grid on their behalf, can close this wish.");
        }
        requireStatus(WishStatus.FULFILLED, "closed");
        if (givenRating.filter(r -> r < 1 || r > 5).isPresent()) {
            throw new WishRefused(INVALID, "The rating must be from 1 to 5.");
        }
        comment.ifPresent(text -> requireText(text, "comment", MAX_TEXT));
        Wish next = copy();
        next.status = WishStatus.CLOSED;
        next.rating = givenRating;
        next.ratingComment = comment.map(String::strip);
        next.closedAt = Optional.of(at);
        next.endedAt = Optional.of(at);
        return next.changed(Action.CLOSED, Optional.of(status), actor.id(), role, at, next.ratingComment);
    }

    /** The resident withdraws the wish, possible only before someone has claimed it. */
    public Change cancel(Actor actor, Optional<String> reason, Instant at) {
        ActorRole role = requireResidentSide(actor, "cancel");
        if (status != WishStatus.SUBMITTED && status != WishStatus.DISPATCHED && status != WishStatus.AWAITING_INFO) {
            throw new WishRefused(WRONG_STATE, status == WishStatus.CLAIMED || status == WishStatus.FULFILLED
                    ? "A claimed wish can no longer be cancelled."
                    : "The wish is " + status + " and cannot be cancelled.");
        }
        reason.ifPresent(text -> requireText(text, "reason", MAX_TEXT));
        Wish next = copy();
        next.status = WishStatus.CANCELLED;
        next.followup = followup.resumed();
        next.endedAt = Optional.of(at);
        return next.changed(Action.CANCELLED, Optional.of(status), actor.id(), role, at, reason.map(String::strip));
    }

    /**
     * The resident was not served after all: within {@link #REOPEN_WITHIN} of closing they reopen the
     * wish with a reason. It goes back to the grid's units as DISPATCHED; the claim that ended in the
     * close is over (the claimer's record keeps the reopening, the event names them), and so are the
     * rating and the report of fulfilment.
     */
    public Change reopen(Actor actor, String reason, Instant at) {
        ActorRole role = requireResidentSide(actor, "reopen");
        requireStatus(WishStatus.CLOSED, "reopened");
        Instant closed = closedAt.orElseThrow();
        if (at.isAfter(closed.plus(REOPEN_WITHIN))) {
            throw new WishRefused(WRONG_STATE, "REOPEN_PERIOD_OVER", "A wish can be reopened within "
                    + REOPEN_WITHIN.toDays() + " days of closing; this one closed at " + closed + ".");
        }
        requireText(reason, "reason", MAX_TEXT);
        Wish next = copy();
        next.status = WishStatus.DISPATCHED;
        next.claimer = Optional.empty();
        next.servedMemberIds = List.of();
        next.rating = Optional.empty();
        next.ratingComment = Optional.empty();
        next.evidenceUrl = Optional.empty();
        next.claimedAt = Optional.empty();
        next.fulfilledAt = Optional.empty();
        next.closedAt = Optional.empty();
        next.endedAt = Optional.empty();
        next.followup = new Followup(followup.reopened() + 1, followup.urged(), followup.lastUrgedAt(),
                Optional.empty());
        return next.changed(Action.REOPENED, Optional.of(status), actor.id(), role, at, Optional.of(reason.strip()));
    }

    /**
     * 催单: the resident hurries an open wish along, at most once a calendar day where the community
     * is ({@code zone}). Nothing else changes; the grid and the claimer are told by the event.
     */
    public Change urge(Actor actor, Instant at, ZoneId zone) {
        ActorRole role = requireResidentSide(actor, "urge");
        if (status != WishStatus.SUBMITTED && status != WishStatus.DISPATCHED && status != WishStatus.CLAIMED) {
            throw new WishRefused(WRONG_STATE, "Only a wish waiting for the grid or its claimer can be urged; this one is "
                    + status + ".");
        }
        LocalDate today = LocalDate.ofInstant(at, zone);
        if (followup.lastUrgedAt().filter(last -> LocalDate.ofInstant(last, zone).equals(today)).isPresent()) {
            throw new UrgedToday(today.plusDays(1).atStartOfDay(zone).toInstant());
        }
        Wish next = copy();
        next.followup = new Followup(followup.reopened(), followup.urged() + 1, Optional.of(at), followup.awaitingFrom());
        return next.changed(Action.URGED, Optional.of(status), actor.id(), role, at, Optional.empty());
    }

    /**
     * The grid needs to know more before it can dispatch: it asks the resident a question, and the
     * wish waits for the answer (its SLA deadline waits too).
     */
    public Change requestInformation(Actor actor, String question, Instant at) {
        ActorRole role = requireGridHandler(actor, "ask about");
        if (status != WishStatus.SUBMITTED && status != WishStatus.DISPATCHED) {
            throw new WishRefused(WRONG_STATE, status == WishStatus.AWAITING_INFO
                    ? "The resident has not answered the last question yet."
                    : "The wish is " + status + "; the grid asks for information only before it is claimed.");
        }
        requireText(question, "question", MAX_TEXT);
        Wish next = copy();
        next.status = WishStatus.AWAITING_INFO;
        next.followup = new Followup(followup.reopened(), followup.urged(), followup.lastUrgedAt(), Optional.of(status));
        return next.changed(Action.INFORMATION_REQUESTED, Optional.of(status), actor.id(), role, at,
                Optional.of(question.strip()));
    }

    /**
     * The resident answers the grid's question; the wish goes back to where it was. The answer itself
     * may hold personal data: the adapters keep it sealed, the history only records that it came.
     */
    public Change giveInformation(Actor actor, String answer, Instant at) {
        ActorRole role = requireResidentSide(actor, "answer for");
        if (status != WishStatus.AWAITING_INFO) {
            throw new WishRefused(WRONG_STATE, "The grid has asked no question about this wish that is still open.");
        }
        requireText(answer, "answer", MAX_TEXT);
        Wish next = copy();
        next.status = followup.awaitingFrom().orElseThrow();
        next.followup = followup.resumed();
        return next.changed(Action.INFORMATION_GIVEN, Optional.of(status), actor.id(), role, at, Optional.empty());
    }

    /** A second urge on the same day: when the resident may urge again. */
    public static final class UrgedToday extends WishRefused {

        private final Instant urgeableFrom;

        UrgedToday(Instant urgeableFrom) {
            super(WRONG_STATE, "ALREADY_URGED_TODAY", "This wish was already urged today; it can be urged again from "
                    + urgeableFrom + ".");
            this.urgeableFrom = urgeableFrom;
        }

        public Instant urgeableFrom() {
            return urgeableFrom;
        }
    }

    /**
     * Who may add a photo to the wish: the one who ordered it, the staff of its grid, and its claimer;
     * the role they add it in. A wish that ended without being done takes no more photos.
     */
    public ActorRole photographer(Actor actor) {
        requireVisible(actor);
        ActorRole role;
        if (submitter.is(actor)) {
            role = submitter.role();
        } else if (actor.has(ActorRole.GRID_STAFF) && actor.coversWishArea()) {
            role = ActorRole.GRID_STAFF;
        } else {
            role = claimer.filter(c -> c.isActedBy(actor)).map(Claimer::actingRole).orElseThrow(() -> new WishRefused(
                    NOT_ALLOWED, "Only the resident, the staff of the grid and the claimer add photos to this wish."));
        }
        if (status == WishStatus.REJECTED || status == WishStatus.CANCELLED) {
            throw new WishRefused(WRONG_STATE, "The wish is " + status + " and takes no more photos.");
        }
        return role;
    }

    /** Whether the actor may know this wish exists at all (else: not found). */
    public boolean isVisibleTo(Actor actor) {
        return submitter.is(actor)
                || ((actor.has(ActorRole.GRID_STAFF) || actor.isAdmin()) && actor.coversWishArea())
                || (actor.has(ActorRole.UNIT) && actor.unitServesCommunity())
                || (actor.has(ActorRole.PARTY_MEMBER) && actor.memberServesCommunity())
                || claimer.filter(c -> c.isActedBy(actor)).isPresent();
    }

    /**
     * Whether the actor sees the resident's name, phone and address in clear: the resident, the
     * staff of the grid, and the claimer while serving them. Admins above the grid see them masked.
     */
    public boolean showsPersonalDataTo(Actor actor) {
        return (submitter.is(actor) && submitter.role() == ActorRole.RESIDENT)
                || (actor.has(ActorRole.GRID_STAFF) && actor.coversWishArea())
                || (status.isHeldByClaimer() && claimer.filter(c -> c.isActedBy(actor)).isPresent());
    }

    public PersonalData personalDataFor(Actor actor) {
        return showsPersonalDataTo(actor) ? personalData : personalData.masked();
    }

    /**
     * For a client app granted the personal-data scope within its jurisdiction (the city hotline that
     * took the resident's call passes it on and follows it up): the data in clear.
     */
    public PersonalData personalDataForGrantedApp() {
        return personalData;
    }

    public PersonalData maskedPersonalData() {
        return personalData.masked();
    }

    /**
     * Grid staff of the wish's grid handle it; once it has been escalated beyond the grid, the admins
     * above (community, street, district) whose jurisdiction covers it may step in as well.
     */
    private boolean mayHandleAsGrid(Actor actor) {
        return actor.coversWishArea()
                && (actor.has(ActorRole.GRID_STAFF) || (actor.isAdmin() && level.isEscalated()));
    }

    private ActorRole gridRole(Actor actor) {
        return actor.has(ActorRole.GRID_STAFF) ? ActorRole.GRID_STAFF : actor.adminRole().orElseThrow();
    }

    private ActorRole requireGridHandler(Actor actor, String what) {
        requireVisible(actor);
        if (!mayHandleAsGrid(actor)) {
            throw new WishRefused(NOT_ALLOWED, "Only the staff of this wish's grid can " + what + " it"
                    + (level.isEscalated() ? "." : " until it is escalated."));
        }
        return gridRole(actor);
    }

    /**
     * The resident who ordered the wish (or the app that passed it on); for a wish staff ordered on a
     * resident's behalf, the staff of its grid act for them.
     */
    private ActorRole requireResidentSide(Actor actor, String what) {
        requireVisible(actor);
        if (submitter.is(actor) && submitter.role() != ActorRole.GRID_STAFF) {
            return submitter.role();
        }
        if (submitter.role() == ActorRole.GRID_STAFF && actor.has(ActorRole.GRID_STAFF) && actor.coversWishArea()) {
            return ActorRole.GRID_STAFF;
        }
        throw new WishRefused(NOT_ALLOWED, "Only the resident who ordered this wish can " + what + " it.");
    }

    private Claimer requireClaimer(Actor actor, String what) {
        requireVisible(actor);
        return claimer.filter(c -> c.isActedBy(actor)).orElseThrow(() -> new WishRefused(NOT_ALLOWED,
                "Only the claimer of this wish can " + what + " it."));
    }

    private void requireVisible(Actor actor) {
        if (!isVisibleTo(actor)) {
            throw new WishRefused(NOT_VISIBLE, "wish " + id + " does not exist");
        }
    }

    private void requireStatus(WishStatus expected, String what) {
        if (status != expected) {
            throw new WishRefused(WRONG_STATE, "The wish is " + status + " and cannot be " + what + ".");
        }
    }

    private Optional<Claimer> claimerFor(Actor actor) {
        if (actor.has(ActorRole.UNIT) && actor.unit().isPresent() && actor.unitServesCommunity()) {
            return Optional.of(new Claimer(ClaimerKind.UNIT, actor.unit().get()));
        }
        if (actor.has(ActorRole.PARTY_MEMBER) && actor.member().isPresent() && actor.memberServesCommunity()) {
            return Optional.of(new Claimer(ClaimerKind.PARTY_MEMBER, actor.member().get()));
        }
        return Optional.empty();
    }

    private static void requireText(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new WishRefused(INVALID, field + " must not be blank.");
        }
        if (text.strip().length() > max) {
            throw new WishRefused(INVALID, field + " must be at most " + max + " characters.");
        }
    }

    private Wish copy() {
        return new Wish(snapshot());
    }

    private Change changed(Action action, Optional<WishStatus> from, String actorId, ActorRole role, Instant at,
                          Optional<String> reason) {
        version++;
        return new Change(this, new HistoryEntry(action, from, status, actorId, role, at, reason, Optional.empty()));
    }

    /** The wish after a command, with the history entry that records the command. */
    public record Change(Wish wish, HistoryEntry entry) {
    }

    public UUID id() {
        return id;
    }

    public WishStatus status() {
        return status;
    }

    /** Counts the transitions: 1 after submission, one more per command; what optimistic locking compares. */
    public long version() {
        return version;
    }

    public Category category() {
        return category;
    }

    public String title() {
        return title;
    }

    public Optional<String> description() {
        return description;
    }

    public Optional<Instant> wantedBy() {
        return wantedBy;
    }

    public Placement placement() {
        return placement;
    }

    public Submitter submitter() {
        return submitter;
    }

    public Optional<Claimer> claimer() {
        return claimer;
    }

    public List<UUID> candidateUnits() {
        return candidateUnits;
    }

    public List<UUID> servedMemberIds() {
        return servedMemberIds;
    }

    public Optional<Integer> rating() {
        return rating;
    }

    public Optional<String> ratingComment() {
        return ratingComment;
    }

    /** A photo or document the claimer offered as proof of the service. */
    public Optional<String> evidenceUrl() {
        return evidenceUrl;
    }

    public EscalationLevel level() {
        return level;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Optional<Instant> dispatchedAt() {
        return dispatchedAt;
    }

    public Optional<Instant> claimedAt() {
        return claimedAt;
    }

    public Optional<Instant> fulfilledAt() {
        return fulfilledAt;
    }

    public Optional<Instant> closedAt() {
        return closedAt;
    }

    public Optional<Instant> endedAt() {
        return endedAt;
    }

    public Followup followup() {
        return followup;
    }
}
