package org.gridgov.member.points;

import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.access.Access;
import org.gridgov.member.points.persistence.HolderStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who holds a points account: a party member, or a volunteer (志愿者). Seen by the holder themself, by grid staff over
 * where they are placed and by admins over their community; a 404 to anyone else.
 */
@Component
record AccountHolders(HolderStore store, Access access) {

    Mono<HolderStore.Placed> visible(UUID id, Caller caller) {
        return store.find(id)
                .filterWhen(holder -> isHolder(caller, id) ? Mono.just(true)
                        : access.isStaffOver(caller, holder.placement())
                                .flatMap(staff -> staff ? Mono.just(true) : access.isAdminOver(caller, holder.communityId())))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("points account holder", id)));
    }

    /** The caller is the account's holder themself: the party member, or the volunteer, their token's member claim names. */
    static boolean isHolder(Caller caller, UUID id) {
        return Access.isMember(caller, id)
                || (caller.has(Role.VOLUNTEER) && caller.member().filter(id.toString()::equals).isPresent());
    }
}
