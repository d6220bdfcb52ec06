package org.gridgov.wish.wish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.access.StaffAndAdmins;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.data.Listing;
import org.gridgov.kit.web.Page;
import org.gridgov.wish.wish.domain.Actor;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.HistoryEntry;
import org.gridgov.wish.wish.domain.Question;
import org.gridgov.wish.wish.domain.WishStatus;
import org.gridgov.wish.wish.persistence.QuestionStore;
import org.gridgov.wish.wish.persistence.WishStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads wishes as the caller may see them: only visible ones, with the actor each one is seen by. */
@Component
public record WishQueries(WishStore wishes, QuestionStore questions, Actors actors) {

    /** A wish and the caller as an actor towards it. */
    public record Seen(WishStore.Stored stored, Actor actor) {

        /** The staff who dispatch it: they get matching's candidates and see actor ids in the history. */
        public boolean byItsGrid() {
            return actor.coversWishArea() && (actor.has(ActorRole.GRID_STAFF) || actor.isAdmin());
        }
    }

    /** The wish, or 404 for a caller who may not know it exists. */
    public Mono<Seen> find(Caller caller, UUID id) {
        return wishes.find(id)
                .flatMap(stored -> actors.towards(caller, stored.wish().placement()).map(actor -> new Seen(stored, actor)))
                .filter(seen -> seen.stored().wish().isVisibleTo(seen.actor()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("wish", id)));
    }

    /**
     * For apps-service telling the resident of their wish by text message (service to service, scope
     * {@code contacts:read}): the phone of the resident who ordered it, if {@code subject} is that resident and they
     * gave one; empty otherwise (a 404: nobody learns whose wish it is).
     */
    public Mono<String> residentPhone(Caller caller, UUID id, String subject) {
        if (!caller.readsContacts()) {
            return Mono.error(ProblemException.forbidden("Only a service holding the scope " + Caller.CONTACTS_READ
                    + " reads contacts."));
        }
        return wishes.find(id)
                .filter(stored -> stored.wish().submitter().role() == ActorRole.RESIDENT
                        && stored.wish().submitter().id().equals(subject))
                .map(stored -> stored.wish().personalDataForGrantedApp().phone())
                .filter(phone -> !phone.isBlank());
    }

    public Mono<List<HistoryEntry>> history(Seen seen) {
        return wishes.history(seen.stored().wish().id()).collectList();
    }

    /** The grid's questions about a wish; the answers only for those who see the resident's data in clear. */
    public record Questions(List<Question> items, boolean answersShown) {
    }

    public Mono<Questions> questions(Seen seen) {
        boolean shown = seen.stored().wish().showsPersonalDataTo(seen.actor());
        return questions.of(seen.stored().wish().id()).collectList().map(items -> new Questions(items, shown));
    }

    public record Filter(Optional<WishStatus> status, Optional<UUID> grid, Optional<Category> category) {
    }

    /**
     * Newest first: a resident's own wishes, the wishes in a staff member's or admin's jurisdiction,
     * a unit's or party member's community wishes and those they claimed.
     */
    public Mono<Page<Seen>> list(Caller caller, Filter filter, Optional<Cursor.TimeAndId> after, int limit) {
        return actors.reachOf(caller).flatMap(reach -> {
            List<String> visible = new ArrayList<>();
            Map<String, Object> values = new HashMap<>();
            visible.add("w.submitter_id = :subject");
            values.put("subject", caller.subject());
            if (StaffAndAdmins.includes(caller) && reach.jurisdiction().isPresent()) {
                visible.add(":jurisdiction = any(w.area_path)");
                values.put("jurisdiction", reach.jurisdiction().get());
            }
            if (caller.has(Role.UNIT)) {
                visible.add("w.community_id = any(:unitCommunities)");
                values.put("unitCommunities", reach.unitCommunities().toArray(UUID[]::new));
            }
            if (caller.has(Role.PARTY_MEMBER)) {
                visible.add("w.community_id = any(:memberCommunities)");
                values.put("memberCommunities", reach.memberCommunities().toArray(UUID[]::new));
            }
            Listing listing = WishStore.listing()
                    .where("(" + String.join(" or ", visible) + ")", values)
                    .where("w.status = :status", "status", filter.status().map(Enum::name))
                    .where("w.grid_id = :grid", "grid", filter.grid())
                    .where("w.category = :category", "category", filter.category().map(Enum::name));
            return wishes.list(listing, after, limit).map(rows -> {
                List<Seen> seen = rows.stream().map(stored -> new Seen(stored,
                        reach.towards(stored.areaPath(), stored.wish().placement().communityId()))).toList();
                return Page.of(seen, limit,
                        s -> new Cursor.TimeAndId(s.stored().wish().submittedAt(), s.stored().wish().id()).encode());
            });
        }).map(page -> page.map(seen -> Optional.of(seen).filter(s -> s.stored().wish().isVisibleTo(s.actor()))));
    }
}
