package org.gridgov.identity.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gridgov.identity.InvalidRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User management for admins within their jurisdiction ({@link UserAdministration}): every command checks the
 * caller may manage the account as it is and as it will be, that the nodes, units, members and departments it names
 * exist ({@link Directory}), and leaves an audit row (who, what, which fields — no values) and a log line without
 * personal data. Passwords set here are to be changed by the person; a generated one is shown once.
 */
@Service
class UserManagement {

    private static final Logger log = LoggerFactory.getLogger(UserManagement.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VOLUNTEER = "VOLUNTEER";

    private final ManagedUsers users;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserManagement(ManagedUsers users, Directory directory, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.directory = directory;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The admin calling: their subject, roles and jurisdiction, and the token they called with. */
    record Admin(String subject, List<String> roles, String jurisdiction, String token) {
    }

    /**
     * What an admin asks an account to be. The optional claims are null when the request leaves them out (unchanged on
     * an update), empty when it clears them.
     */
    record Changes(String name, List<String> roles, Optional<String> jurisdiction, Optional<String> unit,
                   Optional<String> member, Optional<String> department, List<String> fields) {
    }

    record Created(ManagedUser user, String generatedPassword) {
    }

    List<ManagedUser> list(Admin admin, Optional<String> role, Optional<String> node, Optional<String> text,
                           Optional<String> after, int rows) {
        requireAdmin(admin);
        role.ifPresent(name -> {
            if (!UserAdministration.RANKS.containsKey(name)) {
                throw new InvalidRequest("role", "role must be one of " + new java.util.TreeSet<>(UserAdministration.RANKS.keySet()));
            }
        });
        node.ifPresent(id -> {
            List<String> lineage = directory.lineage(nodeId("jurisdiction", id), admin.token())
                    .orElseThrow(() -> new InvalidRequest("jurisdiction", "jurisdiction names no grid node"));
            if (!UserAdministration.within(admin.jurisdiction(), lineage)) {
                throw new Forbidden("this node is outside your jurisdiction");
            }
        });
        text.ifPresent(words -> {
            if (words.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidRequest("q", "q must be text without control characters");
            }
        });
        after.ifPresent(username -> {
            if (!USERNAME.matcher(username).matches()) {
                throw new InvalidRequest("cursor", "cursor must be the 'next' of the page before");
            }
        });
        fillLineages(admin);
        return users.list(new ManagedUsers.Query(admin.jurisdiction(), role, node, text, after, rows));
    }

    ManagedUser get(Admin admin, String username) {
        return manageable(admin, username);
    }

    @Transactional
    Created create(Admin admin, String username, Changes changes, Optional<String> password) {
        requireAdmin(admin);
        if (username == null || username.isBlank()) {
            throw new InvalidRequest("username", "username is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidRequest("username", "username must be 3 to 64 lower-case letters, digits or . _ - (starting with a letter or digit)");
        }
        if (changes.name() == null) {
            throw new InvalidRequest("name", "name is required");
        }
        if (changes.roles() == null || changes.roles().isEmpty()) {
            throw new InvalidRequest("roles", "roles must name at least one role");
        }
        if (given(changes.jurisdiction()) == null) {
            throw new InvalidRequest("jurisdiction", "jurisdiction is required");
        }
        password.ifPresent(UserManagement::checkPassword);
        ManagedUser user = checked(admin, new ManagedUser(username, changes.name(), changes.roles(),
                given(changes.jurisdiction()), given(changes.unit()), given(changes.member()),
                given(changes.department()), true, false, null, true, null, null, null));
        String generated = password.isPresent() ? null : generatedPassword();
        if (!users.create(user, passwords.encode(password.orElse(generated)))) {
            throw new Conflict("this username is taken");
        }
        audit(admin, "create", username, changes.fields());
        return new Created(users.find(username).orElseThrow(), generated);
    }

    @Transactional
    ManagedUser update(Admin admin, String username, Changes changes) {
        ManagedUser current = manageable(admin, username);
        if (changes.roles() != null && changes.roles().isEmpty()) {
            throw new InvalidRequest("roles", "roles must name at least one role");
        }
        ManagedUser next = checked(admin, new ManagedUser(username,
                changes.name() != null ? changes.name() : current.name(),
                changes.roles() != null ? changes.roles() : current.roles(),
                changes.jurisdiction() != null ? changes.jurisdiction().orElse(null) : current.jurisdiction(),
                changes.unit() != null ? changes.unit().orElse(null) : current.unit(),
                changes.member() != null ? changes.member().orElse(null) : current.member(),
                changes.department() != null ? changes.department().orElse(null) : current.department(),
                current.enabled(), current.lockedByAdmin(), current.lockedUntil(), current.passwordChangeRequired(),
                current.createdAt(), current.updatedAt(), null));
        if (next.jurisdiction() == null) {
            throw new InvalidRequest("jurisdiction", "jurisdiction is required");
        }
        users.update(next);
        audit(admin, "update", username, changes.fields());
        return users.find(username).orElseThrow();
    }

    @Transactional
    ManagedUser lock(Admin admin, String username, boolean locked) {
        return access(admin, username, locked ? "lock" : "unlock", locked, () -> users.lock(username, locked));
    }

    @Transactional
    ManagedUser enable(Admin admin, String username, boolean enabled) {
        return access(admin, username, enabled ? "enable" : "disable", !enabled, () -> users.enable(username, enabled));
    }

    /** Whether the account may sign in (the action): an admin never shuts themself out. */
    private ManagedUser access(Admin admin, String username, String action, boolean shutsOut, Runnable change) {
        manageable(admin, username);
        if (admin.subject().equals(username) && shutsOut) {
            throw new Conflict("an admin cannot " + action + " their own account");
        }
        change.run();
        audit(admin, action, username, List.of());
        return users.find(username).orElseThrow();
    }

    /**
     * A resident who registered themself as a volunteer in member-service: their account gets the role VOLUNTEER and
     * the claim {@code member} = the volunteer's id, which their next token (or refresh) carries. Asked by
     * member-service's client; asked again with the same id, nothing changes; an account that is another member already
     * is a conflict, and an unknown one not found.
     */
    @Transactional
    ManagedUser linkVolunteer(String client, String username, String member) {
        ManagedUser current = users.find(username).orElseThrow(() -> new NotFound("no account has that username"));
        if (current.member() != null && !current.member().equals(member)) {
            throw new Conflict("this account is another member's or volunteer's already");
        }
        if (member.equals(current.member()) && current.roles().contains(VOLUNTEER)) {
            return current;
        }
        List<String> roles = new ArrayList<>(current.roles());
        if (!roles.contains(VOLUNTEER)) {
            roles.add(VOLUNTEER);
        }
        users.linkMember(username, roles, member);
        users.audit(client, "volunteer-link", username, List.of("roles", "member"));
        log.info("user management: volunteer-link by {} at {}", client, clock.instant());
        return users.find(username).orElseThrow();
    }

    /** A new password (given, or generated and returned once); the person is to change it. */
    @Transactional
    String resetPassword(Admin admin, String username, Optional<String> password) {
        manageable(admin, username);
        password.ifPresent(UserManagement::checkPassword);
        String generated = password.isPresent() ? null : generatedPassword();
        users.resetPassword(username, passwords.encode(password.orElse(generated)));
        audit(admin, "reset-password", username, List.of("password"));
        return generated;
    }

    /** The account, if the admin may manage it as it is now: 404 unknown, 403 outside their reach. */
    private ManagedUser manageable(Admin admin, String username) {
        requireAdmin(admin);
        if (!USERNAME.matcher(username).matches()) {
            throw new NotFound("no such user");
        }
        ManagedUser user = users.find(username).orElseThrow(() -> new NotFound("no such user"));
        List<String> lineage = user.lineage();
        if (lineage == null && user.jurisdiction() != null) {
            lineage = directory.lineage(user.jurisdiction(), admin.token()).orElse(List.of());
            users.saveLineage(user.jurisdiction(), lineage);
        }
        if (!UserAdministration.within(admin.jurisdiction(), lineage == null ? List.of() : lineage)) {
            throw new Forbidden("this user is outside your jurisdiction");
        }
        if (!UserAdministration.mayHandle(admin.roles(), user.roles())) {
            throw new Forbidden("this user holds a role above yours");
        }
        return user;
    }

    /** Checks what the account is to be; returns it with its jurisdiction's lineage. */
    private ManagedUser checked(Admin admin, ManagedUser user) {
        if (user.name() == null || user.name().isBlank() || user.name().length() > 100) {
            throw new InvalidRequest("name", "name must be 1 to 100 characters long");
        }
        List<String> unknown = UserAdministration.unknownRoles(user.roles());
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("roles", "roles must be among " + new java.util.TreeSet<>(UserAdministration.RANKS.keySet()));
        }
        if (!UserAdministration.mayHandle(admin.roles(), user.roles())) {
            throw new Forbidden("you cannot grant a role above your own");
        }
        for (String claim : UserAdministration.claimsNeeded(user.roles())) {
            if (claim(user, claim) == null) {
                throw new InvalidRequest(claim, claim + " is required for these roles");
            }
        }
        List<String> lineage = List.of();
        if (user.jurisdiction() != null) {
            nodeId("jurisdiction", user.jurisdiction());
            lineage = directory.lineage(user.jurisdiction(), admin.token())
                    .orElseThrow(() -> new InvalidRequest("jurisdiction", "jurisdiction names no grid node"));
            if (!UserAdministration.within(admin.jurisdiction(), lineage)) {
                throw new Forbidden("jurisdiction is outside your own");
            }
        }
        if (user.unit() != null && !directory.unitExists(nodeId("unit", user.unit()), admin.token())) {
            throw new InvalidRequest("unit", "unit names no member unit you may see");
        }
        if (user.member() != null && !directory.memberExists(nodeId("member", user.member()), admin.token())) {
            throw new InvalidRequest("member", "member names no party member or volunteer you may see");
        }
        if (user.department() != null && !directory.departmentExists(nodeId("department", user.department()), admin.token())) {
            throw new InvalidRequest("department", "department names no functional department");
        }
        return new ManagedUser(user.username(), user.name(), user.roles(), user.jurisdiction(), user.unit(), user.member(),
                user.department(), user.enabled(), user.lockedByAdmin(), user.lockedUntil(), user.passwordChangeRequired(),
                user.createdAt(), user.updatedAt(), lineage);
    }

    private void fillLineages(Admin admin) {
        for (String jurisdiction : users.jurisdictionsWithoutLineage()) {
            if (UUID.matcher(jurisdiction).matches()) {
                users.saveLineage(jurisdiction, directory.lineage(jurisdiction, admin.token()).orElse(List.of()));
            } else {
                users.saveLineage(jurisdiction, List.of());
            }
        }
    }

    private static void requireAdmin(Admin admin) {
        if (!UserAdministration.isAdmin(admin.roles())) {
            throw new Forbidden("only community, street and district admins manage users");
        }
        if (admin.jurisdiction() == null) {
            throw new Forbidden("your token names no jurisdiction");
        }
    }

    private void audit(Admin admin, String action, String username, List<String> fields) {
        users.audit(admin.subject(), action, username, fields);
        // no username, name or password here: the audit row says whose account it was
        log.info("user management: {} by {} (fields {}) at {}", action, admin.subject(), fields, clock.instant());
    }

    /** A field of a create: absent (null) or cleared (empty) are both none. */
    private static String given(Optional<String> field) {
        return field == null ? null : field.orElse(null);
    }

    private static String claim(ManagedUser user, String claim) {
        return switch (claim) {
            case "unit" -> user.unit();
            case "member" -> user.member();
            default -> user.department();
        };
    }

    private static String nodeId(String field, String id) {
        if (!UUID.matcher(id).matches()) {
            throw new InvalidRequest(field, field + " must be an id (a UUID)");
        }
        return id;
    }

    private static void checkPassword(String password) {
        if (password.length() < 10 || password.length() > 200) {
            throw new InvalidRequest("password", "password must be 10 to 200 characters long");
        }
    }

    private static String generatedPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }
}
