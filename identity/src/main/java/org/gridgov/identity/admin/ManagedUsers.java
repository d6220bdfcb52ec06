package org.gridgov.identity.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The user store ({@code user_account}) as user management reads and changes it, and its audit trail. */
@Repository
class ManagedUsers {

    private static final String COLUMNS = "username, name, roles, jurisdiction, unit, member, department, enabled, "
            + "locked_by_admin, locked_until, password_change_required, created_at, updated_at, jurisdiction_path";

    private final JdbcTemplate jdbc;

    ManagedUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ManagedUser> find(String username) {
        return jdbc.query("select " + COLUMNS + " from user_account where username = ?", ManagedUsers::row, username)
                .stream().findFirst();
    }

    /** What a list asks for; {@code within}: the admin's node, which every listed account's lineage holds. */
    record Query(String within, Optional<String> role, Optional<String> node, Optional<String> text,
                 Optional<String> after, int rows) {
    }

    /** Accounts within a jurisdiction, by username, {@code rows} at most. */
    List<ManagedUser> list(Query query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from user_account where (' ' || jurisdiction_path || ' ') like ?");
        List<Object> args = new ArrayList<>(List.of(contains(query.within())));
        query.node().ifPresent(node -> {
            sql.append(" and (' ' || jurisdiction_path || ' ') like ?");
            args.add(contains(node));
        });
        query.role().ifPresent(role -> {
            sql.append(" and (' ' || roles || ' ') like ?");
            args.add(contains(role));
        });
        query.text().ifPresent(text -> {
            sql.append(" and (username ilike ? escape '\\' or name ilike ? escape '\\')");
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(pattern);
            args.add(pattern);
        });
        query.after().ifPresent(after -> {
            sql.append(" and username > ?");
            args.add(after);
        });
        sql.append(" order by username limit ?");
        args.add(query.rows());
        return jdbc.query(sql.toString(), ManagedUsers::row, args.toArray());
    }

    /** The jurisdictions whose lineage was never asked for (accounts set up before user management or locally). */
    List<String> jurisdictionsWithoutLineage() {
        return jdbc.queryForList("select distinct jurisdiction from user_account where jurisdiction is not null "
                + "and jurisdiction_path is null limit 200", String.class);
    }

    void saveLineage(String jurisdiction, List<String> lineage) {
        jdbc.update("update user_account set jurisdiction_path = ? where jurisdiction = ? and jurisdiction_path is null",
                String.join(" ", lineage), jurisdiction);
    }

    /** Creates the account; false when the username is taken. */
    boolean create(ManagedUser user, String passwordHash) {
        return jdbc.update("""
                insert into user_account (username, password_hash, name, roles, jurisdiction, jurisdiction_path, unit, member,
                                          department, password_change_required)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                on conflict (username) do nothing""",
                user.username(), passwordHash, user.name(), String.join(" ", user.roles()), user.jurisdiction(),
                String.join(" ", user.lineage()), user.unit(), user.member(), user.department()) == 1;
    }

    /** Replaces the name, roles and claims. */
    void update(ManagedUser user) {
        jdbc.update("""
                update user_account set name = ?, roles = ?, jurisdiction = ?, jurisdiction_path = ?, unit = ?, member = ?,
                    department = ?, updated_at = now() where username = ?""",
                user.name(), String.join(" ", user.roles()), user.jurisdiction(), String.join(" ", user.lineage()),
                user.unit(), user.member(), user.department(), user.username());
    }

    /** The account is this member of member-service's now, with these roles. */
    void linkMember(String username, List<String> roles, String member) {
        jdbc.update("update user_account set roles = ?, member = ?, updated_at = now() where username = ?",
                String.join(" ", roles), member, username);
    }

    /** An admin's lock (or its lifting, which also forgets the failed sign-ins and their lock). */
    void lock(String username, boolean locked) {
        jdbc.update("update user_account set locked_by_admin = ?, failed_logins = 0, locked_until = null, "
                + "updated_at = now() where username = ?", locked, username);
    }

    void enable(String username, boolean enabled) {
        jdbc.update("update user_account set enabled = ?, updated_at = now() where username = ?", enabled, username);
    }

    /** A new password an admin set or had made: the person is to change it. */
    void resetPassword(String username, String passwordHash) {
        jdbc.update("update user_account set password_hash = ?, password_change_required = true, failed_logins = 0, "
                + "locked_until = null, updated_at = now() where username = ?", passwordHash, username);
    }

    void audit(String actor, String action, String username, List<String> fields) {
        jdbc.update("insert into user_audit (actor, action, username, fields) values (?, ?, ?, ?)",
                actor, action, username, fields.isEmpty() ? null : String.join(" ", fields));
    }

    /** The audit trail of one account, newest first: actor, action, changed fields. */
    List<String> auditOf(String username) {
        return jdbc.queryForList("select actor || ' ' || action || coalesce(' ' || fields, '') from user_audit "
                + "where username = ? order by id desc", String.class, username);
    }

    private static String contains(String word) {
        return "% " + word.replace("\\", "").replace("%", "").replace("_", "\\_") + " %";
    }

    private static ManagedUser row(ResultSet rs, int rowNum) throws SQLException {
        String roles = rs.getString("roles");
        String path = rs.getString("jurisdiction_path");
        return new ManagedUser(rs.getString("username"), rs.getString("name"), words(roles),
                rs.getString("jurisdiction"), rs.getString("unit"), rs.getString("member"), rs.getString("department"),
                rs.getBoolean("enabled"), rs.getBoolean("locked_by_admin"), instant(rs.getTimestamp("locked_until")),
                rs.getBoolean("password_change_required"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), path == null ? null : words(path));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
