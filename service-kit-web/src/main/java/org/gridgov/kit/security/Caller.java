package org.gridgov.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.Ids;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as verified from the token by this service itself (not trusted from a header):
 * the subject, roles, and where the caller may act — a grid-tree node for staff and admins, a
 * member unit for UNIT, a party member for PARTY_MEMBER, scopes for CLIENT apps, a functional department
 * for DEPARTMENT.
 */
public record Caller(String subject, Set<Role> roles, Optional<String> jurisdiction, Optional<String> unit,
                     Optional<String> member, Set<String> scopes, Optional<String> department) {

    public Caller(String subject, Set<Role> roles, Optional<String> jurisdiction, Optional<String> unit,
                  Optional<String> member, Set<String> scopes) {
        this(subject, roles, jurisdiction, unit, member, scopes, Optional.empty());
    }

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** A community, street or district admin. */
    public boolean isAdmin() {
        return roles.stream().anyMatch(Role::isAdmin);
    }

    /** The grid-tree node the caller acts within; empty when there is none or it is not a node id. */
    public Optional<UUID> jurisdictionId() {
        return jurisdiction.flatMap(Ids::parse);
    }

    /** The member unit the caller speaks for; empty when there is none or it is not an id. */
    public Optional<UUID> unitId() {
        return unit.flatMap(Ids::parse);
    }

    /** The party member the caller is; empty when there is none or it is not an id. */
    public Optional<UUID> memberId() {
        return member.flatMap(Ids::parse);
    }

    /** The functional department the caller works for; empty when there is none or it is not an id. */
    public Optional<UUID> departmentId() {
        return department.flatMap(Ids::parse);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The scope of a service that reads people's phones at the moment it texts them (apps-service). */
    public static final String CONTACTS_READ = "contacts:read";

    /** A service client allowed to read the phone of whom it is about to text: the internal contact reads only. */
    public boolean readsContacts() {
        return has(Role.CLIENT) && hasScope(CONTACTS_READ);
    }

    static Caller from(Jwt jwt) {
        return new Caller(jwt.getSubject(), roles(jwt.getClaimAsStringList("roles")),
                Optional.ofNullable(jwt.getClaimAsString("jurisdiction")),
                Optional.ofNullable(jwt.getClaimAsString("unit")),
                Optional.ofNullable(jwt.getClaimAsString("member")),
                scopes(jwt),
                Optional.ofNullable(jwt.getClaimAsString("department")));
    }

    private static Set<Role> roles(Collection<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            // an unknown role grants nothing; it is not an error worth rejecting the token for
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static Set<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String text) {
            return Set.of(text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+"));
        }
        if (scope instanceof Collection<?> list) {
            return Set.copyOf(list.stream().map(String::valueOf).toList());
        }
        return Set.of();
    }
}
