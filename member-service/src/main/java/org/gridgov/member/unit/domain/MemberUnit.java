package org.gridgov.member.unit.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A member unit of one or more communities' Grand Party Committees (大党委成员单位): an agency,
 * school, enterprise, social organisation, merchant or property manager, with its contacts.
 */
public record MemberUnit(UUID id, String name, UnitKind kind, List<UUID> communityIds, List<Contact> contacts,
                         Instant joinedAt) {

    public MemberUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(joinedAt, "joinedAt");
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("A member unit needs a name.");
        }
        if (communityIds == null || communityIds.isEmpty()) {
            throw Refusal.invalid("A member unit belongs to at least one community's Grand Party Committee.");
        }
        communityIds = List.copyOf(new LinkedHashSet<>(communityIds));
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public boolean belongsTo(UUID communityId) {
        return communityIds.contains(communityId);
    }

    /** Someone to call at the unit; the phone is personal data. */
    public record Contact(String name, String role, String phone) {
        public Contact {
            if (name == null || name.isBlank()) {
                throw Refusal.invalid("A contact needs a name.");
            }
        }
    }
}
