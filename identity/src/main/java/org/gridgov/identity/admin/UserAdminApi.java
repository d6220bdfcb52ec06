package org.gridgov.identity.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import org.gridgov.identity.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users}: the people who sign in, for community, street and district admins within their jurisdiction
 * (see {@link UserManagement}). A token of this server, checked here whatever the gateway checked.
 */
@RestController
@RequestMapping(path = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
record UserAdminApi(UserManagement management, Clock clock) {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final Set<String> CREATE_FIELDS = Set.of("username", "name", "roles", "jurisdiction", "unit", "member",
            "department", "password");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "roles", "jurisdiction", "unit", "member", "department");

    @GetMapping
    @Operation(operationId = "listUsers", summary = "Accounts within the admin's jurisdiction by username, filtered by "
            + "role, jurisdiction node (its subtree) and text in the username or name; follow 'next' for more")
    Map<String, Object> list(@AuthenticationPrincipal Jwt jwt, @RequestParam Optional<String> role,
                             @RequestParam Optional<String> jurisdiction, @RequestParam Optional<String> q,
                             @RequestParam Optional<String> cursor, @RequestParam Optional<Integer> limit) {
        int size = limit.orElse(DEFAULT_LIMIT);
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (q.isPresent() && q.get().length() > 100) {
            throw new InvalidRequest("q", "q must be at most 100 characters long");
        }
        List<ManagedUser> rows = management.list(admin(jwt), role.filter(text -> !text.isBlank()),
                jurisdiction.filter(text -> !text.isBlank()), q.filter(text -> !text.isBlank()),
                cursor.filter(text -> !text.isBlank()).map(UserAdminApi::decode), size + 1);
        boolean more = rows.size() > size;
        List<ManagedUser> shown = more ? rows.subList(0, size) : rows;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", shown.stream().map(this::view).toList());
        if (more) {
            page.put("next", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(shown.get(size - 1).username().getBytes(StandardCharsets.UTF_8)));
        }
        return page;
    }

    @GetMapping("/{username}")
    @Operation(operationId = "getUser", summary = "One account: roles, claims, locked, enabled (never its password)")
    Map<String, Object> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        return view(management.get(admin(jwt), username));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createUser", summary = "Create an account with roles up to the admin's own; without "
            + "'password' a one-time password is generated and returned once as 'initialPassword'; 409 when the username is taken")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal Jwt jwt, @RequestBody Map<String, Object> body) {
        onlyFields(body, CREATE_FIELDS);
        UserManagement.Created created = management.create(admin(jwt), string(body, "username"), changes(body),
                Optional.ofNullable(string(body, "password")));
        Map<String, Object> view = view(created.user());
        if (created.generatedPassword() != null) {
            view.put("initialPassword", created.generatedPassword());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @PatchMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateUser", summary = "Change the name, roles and claims given (null clears unit, member or department)")
    Map<String, Object> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String username,
                               @RequestBody Map<String, Object> body) {
        onlyFields(body, UPDATE_FIELDS);
        return view(management.update(admin(jwt), username, changes(body)));
    }

    @PostMapping("/{username}/lock")
    @Operation(operationId = "lockUser", summary = "Lock the account: no sign-in until an admin unlocks it")
    Map<String, Object> lock(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        return view(management.lock(admin(jwt), username, true));
    }

    @PostMapping("/{username}/unlock")
    @Operation(operationId = "unlockUser", summary = "Unlock the account, also from a lock after wrong passwords")
    Map<String, Object> unlock(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        return view(management.lock(admin(jwt), username, false));
    }

    @PostMapping("/{username}/disable")
    @Operation(operationId = "disableUser", summary = "Disable the account (it stays, and can be enabled again)")
    Map<String, Object> disable(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        return view(management.enable(admin(jwt), username, false));
    }

    @PostMapping("/{username}/enable")
    @Operation(operationId = "enableUser", summary = "Enable a disabled account")
    Map<String, Object> enable(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        return view(management.enable(admin(jwt), username, true));
    }

    @PostMapping("/{username}/password-reset")
    @Operation(operationId = "resetUserPassword", summary = "A new password the person is to change: the one given "
            + "({\"password\":…}) or a generated one, returned once as 'initialPassword'")
    Map<String, Object> resetPassword(@AuthenticationPrincipal Jwt jwt, @PathVariable String username,
                                      @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> given = body == null ? Map.of() : body;
        onlyFields(given, Set.of("password"));
        String generated = management.resetPassword(admin(jwt), username, Optional.ofNullable(string(given, "password")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", username);
        answer.put("passwordChangeRequired", true);
        if (generated != null) {
            answer.put("initialPassword", generated);
        }
        return answer;
    }

    private static UserManagement.Admin admin(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new UserManagement.Admin(jwt.getSubject(), roles == null ? List.of() : roles,
                jwt.getClaimAsString("jurisdiction"), jwt.getTokenValue());
    }

    private static UserManagement.Changes changes(Map<String, Object> body) {
        List<String> fields = new ArrayList<>(body.keySet().stream().filter(field -> !field.equals("password")).sorted().toList());
        return new UserManagement.Changes(string(body, "name"), strings(body, "roles"), optional(body, "jurisdiction"),
                optional(body, "unit"), optional(body, "member"), optional(body, "department"), fields);
    }

    private Map<String, Object> view(ManagedUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("name", user.name());
        view.put("roles", user.roles());
        view.put("jurisdiction", user.jurisdiction());
        view.put("unit", user.unit());
        view.put("member", user.member());
        view.put("department", user.department());
        view.put("enabled", user.enabled());
        view.put("locked", user.lockedAt(clock.instant()));
        view.put("lockedByAdmin", user.lockedByAdmin());
        view.put("lockedUntil", user.lockedByAdmin() || !user.lockedAt(clock.instant()) ? null : user.lockedUntil());
        view.put("passwordChangeRequired", user.passwordChangeRequired());
        view.put("createdAt", user.createdAt());
        view.put("updatedAt", user.updatedAt());
        return view;
    }

    private static void onlyFields(Map<String, Object> body, Set<String> allowed) {
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                throw new InvalidRequest(field, field + " is not a field of this request");
            }
        }
    }

    private static String string(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidRequest(field, field + " must be a string");
    }

    /** Absent: null (unchanged); JSON null or "": empty (cleared); otherwise the value. */
    private static Optional<String> optional(Map<String, Object> body, String field) {
        if (!body.containsKey(field)) {
            return null;
        }
        String value = string(body, field);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> strings(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance) && list.size() <= 10) {
            return list.stream().map(String.class::cast).distinct().toList();
        }
        throw new InvalidRequest(field, field + " must be an array of at most 10 role names");
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("cursor", "cursor must be the 'next' of the page before");
        }
    }
}
