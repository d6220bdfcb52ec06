package org.gridgov.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/** A real PostgreSQL server that tests use: from Maven artifacts ({@link EmbeddedPostgresServer}) or in a container. */
public interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    /** A superuser, who may create databases. */
    String username();

    String password();

    /** Stops the server for good and removes what it stored. */
    @Override
    void close();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists already. Names are lower-case SQL identifiers. */
    default void createDatabase(String name) {
        if (!Names.DATABASE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            if (!Names.ALREADY_EXISTS.contains(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    /** The rules of {@link #createDatabase}. */
    final class Names {
        static final Pattern DATABASE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
        /** SQL states of a database that already exists, also when a concurrent caller just created it. */
        static final List<String> ALREADY_EXISTS = List.of("42P04", "23505");

        private Names() {
        }
    }
}
