package org.gridgov.committee.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.project.domain.Project;
import org.gridgov.committee.project.domain.ProjectStatus;
import org.gridgov.committee.project.messaging.ProjectEvents;
import org.gridgov.committee.project.persistence.ProjectStore;
import org.gridgov.committee.publication.persistence.PublicationStore;
import org.gridgov.committee.publication.persistence.PublicationStore.ListVersion;
import org.gridgov.committee.publication.persistence.PublicationStore.ListedNeed;
import org.gridgov.committee.publication.persistence.PublicationStore.Publication;
import org.gridgov.contracts.Category;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes a computed project list version the community's projects: each assignment OFFERED to its unit,
 * each unmatched need OPEN on the opportunity list. Publishing a version twice changes nothing; a newer
 * version supersedes what nobody signed of the older ones, and does not offer again what a unit signed.
 */
@Service
public record PublicationService(PublicationStore publications, ProjectStore projects, ProjectEvents events,
                                 CommunityAccess access, Clock clock) {

    /** The publication, and whether this call made it (false: it had been published before). */
    public record Outcome(Publication publication, boolean created) {
    }

    public Mono<Outcome> publish(UUID projectListId, Caller caller) {
        return publications.findList(projectListId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("project list", projectListId)))
                .flatMap(list -> access.requireAdminOf(caller, list.communityId())
                        .then(publications.lock(list.communityId(), list.year()))
                        .then(publications.find(projectListId).map(done -> new Outcome(done, false)))
                        .switchIfEmpty(Mono.defer(() -> firstPublication(list, caller))));
    }

    private Mono<Outcome> firstPublication(ListVersion list, Caller caller) {
        return publications.latestVersion(list.communityId(), list.year())
                .flatMap(latest -> latest > list.version()
                        ? Mono.error(ProblemException.conflict("Version " + latest + " of this list is already published; "
                                + "an older version does not replace it."))
                        : Mono.zip(publications.needsOf(list.id()), publications.signedNeeds(list.communityId(), list.year())))
                .flatMap(inputs -> {
                    List<ListedNeed> unknown = inputs.getT1().stream().filter(need -> need.category() == null).toList();
                    if (!unknown.isEmpty()) {
                        return Mono.error(ProblemException.conflict(unknown.size() + " needs of this list have not "
                                + "reached the committee yet; publish again in a moment."));
                    }
                    Instant now = clock.instant();
                    List<Project> made = projectsOf(list, inputs.getT1(), new HashSet<>(inputs.getT2()), now);
                    return supersedeOlder(list, now)
                            .flatMap(superseded -> Flux.fromIterable(made)
                                    .concatMap(project -> projects.insert(project).then(events.published(project)))
                                    .then(Mono.defer(() -> {
                                        int offered = (int) made.stream().filter(p -> p.status() == ProjectStatus.OFFERED).count();
                                        Publication publication = new Publication(list.id(), list.communityId(), list.year(),
                                                list.version(), offered, made.size() - offered, superseded,
                                                caller.subject(), now);
                                        return publications.insert(publication).thenReturn(new Outcome(publication, true));
                                    })));
                });
    }

    private static List<Project> projectsOf(ListVersion list, List<ListedNeed> needs, Set<UUID> signed, Instant now) {
        List<Project> made = new ArrayList<>();
        for (ListedNeed need : needs) {
            if (signed.contains(need.needId())) {
                continue;
            }
            Category category = Category.valueOf(need.category());
            String title = need.title() == null ? category.name() : need.title();
            made.add(need.unitId() == null
                    ? Project.open(list.communityId(), list.year(), title, category, null, List.of(need.needId()),
                            list.id(), now)
                    : Project.offered(list.communityId(), list.year(), title, category, List.of(need.needId()),
                            need.unitId(), list.id(), now));
        }
        return made;
    }

    /** Projects of older versions nobody signed for; hand-made projects stay. */
    private Mono<Integer> supersedeOlder(ListVersion list, Instant now) {
        return projects.inCommunity(list.communityId(), list.year(),
                        List.of(ProjectStatus.OPEN, ProjectStatus.OFFERED, ProjectStatus.CLAIMED))
                .filter(project -> project.projectListId() != null && !project.projectListId().equals(list.id()))
                .concatMap(project -> projects.update(project.supersede(now)))
                .count().map(Long::intValue);
    }
}
