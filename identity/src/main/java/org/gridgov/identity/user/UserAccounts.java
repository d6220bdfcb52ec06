package org.gridgov.identity.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The user store: table {@code user_account}. */
@Repository
public class UserAccounts {

    private static final String COLUMNS = "username, password_hash, name, roles, jurisdiction, unit, member, department, "
            + "scope, failed_logins, locked_until, enabled";

    private final JdbcTemplate jdbc;

    public UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.query("select " + COLUMNS + " from user_account where username = ?", UserAccounts::row, username)
                .stream().findFirst();
    }

    /** Locked by an admin (user management): no sign-in until an admin unlocks it. */
    public boolean lockedByAdmin(String username) {
        return Boolean.TRUE.equals(jdbc.query("select locked_by_admin from user_account where username = ?",
                (rs, row) -> rs.getBoolean(1), username).stream().findFirst().orElse(false));
    }

    /** Creates the account, or replaces everything about it but its sign-in state. */
    public void save(UserAccount user) {
        jdbc.update("""
                insert into user_account (username, password_hash, name, roles, jurisdiction, unit, member, department, scope,
                                          failed_logins, locked_until, enabled)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, null, ?)
                on conflict (username) do update set password_hash = excluded.password_hash, name = excluded.name,
                    roles = excluded.roles, jurisdiction = excluded.jurisdiction, unit = excluded.unit,
                    member = excluded.member, department = excluded.department, scope = excluded.scope,
                    enabled = excluded.enabled, updated_at = now()""",
                user.username(), user.passwordHash(), user.name(), String.join(" ", user.roles()), user.jurisdiction(),
                user.unit(), user.member(), user.department(), user.scope(), user.enabled());
    }

    /** An admin set or reset the password: the person changes it before any token is issued to them. */
    public boolean passwordChangeRequired(String username) {
        return Boolean.TRUE.equals(jdbc.query("select password_change_required from user_account where username = ?",
                (rs, row) -> rs.getBoolean(1), username).stream().findFirst().orElse(false));
    }

    /** The person's own new password: the one an admin gave them is gone. */
    public void changePassword(String username, String passwordHash) {
        jdbc.update("update user_account set password_hash = ?, password_change_required = false, updated_at = now() "
                + "where username = ?", passwordHash, username);
    }

    /** Records the outcome of a sign-in: the failures in a row and the lock. */
    public void saveSignInState(UserAccount user) {
        jdbc.update("update user_account set failed_logins = ?, locked_until = ?, updated_at = now() where username = ?",
                user.failedLogins(), user.lockedUntil() == null ? null : Timestamp.from(user.lockedUntil()), user.username());
    }

    private static UserAccount row(ResultSet rs, int rowNum) throws SQLException {
        String roles = rs.getString("roles");
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        return new UserAccount(rs.getString("username"), rs.getString("password_hash"), rs.getString("name"),
                roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.trim().split("\\s+")),
                rs.getString("jurisdiction"), rs.getString("unit"), rs.getString("member"), rs.getString("department"),
                rs.getString("scope"), rs.getInt("failed_logins"), lockedUntil == null ? null : lockedUntil.toInstant(),
                rs.getBoolean("enabled"));
    }
}
