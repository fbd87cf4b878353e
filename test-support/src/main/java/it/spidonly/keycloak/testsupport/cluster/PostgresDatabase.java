package it.spidonly.keycloak.testsupport.cluster;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL server the cluster tests use (default {@code 127.0.0.1:5432}, user
 * {@code postgres}), created for one cluster and dropped with it. Where the server is set:
 * {@code -Dcluster.postgres.url=jdbc:postgresql://HOST:PORT/postgres} (a database to connect to for CREATE/DROP),
 * {@code -Dcluster.postgres.user}, {@code -Dcluster.postgres.password}.
 */
public final class PostgresDatabase implements AutoCloseable {

    static final String URL = "cluster.postgres.url";
    static final String USER = "cluster.postgres.user";
    static final String PASSWORD = "cluster.postgres.password";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private boolean dropped;

    private PostgresDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Why the configured PostgreSQL cannot be used (cannot connect), or null when it can. */
    public static String unavailableReason() {
        String adminUrl = System.getProperty(URL, DEFAULT_URL);
        String user = System.getProperty(USER, "postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl, user, System.getProperty(PASSWORD, ""))) {
            return connection.isValid(5) ? null : "PostgreSQL at " + adminUrl + " does not answer";
        } catch (SQLException e) {
            return "The cluster tests need PostgreSQL: cannot connect to " + adminUrl + " as " + user + " ("
                    + e.getMessage() + "). Start PostgreSQL or set -D" + URL;
        }
    }

    /**
     * Creates {@code spid_cluster_<random>}. If the server cannot be reached the calling test is <em>aborted</em>
     * (JUnit reports it skipped, with the reason), never passed.
     */
    public static PostgresDatabase createOrSkip() {
        String adminUrl = System.getProperty(URL, DEFAULT_URL);
        String user = System.getProperty(USER, "postgres");
        String password = System.getProperty(PASSWORD, "");
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = "spid_cluster_" + HexFormat.of().formatHex(random);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("The cluster tests need PostgreSQL: cannot create a database at " + adminUrl
                    + " as " + user + " (" + e.getMessage() + "). Start PostgreSQL or set -D" + URL);
        }
        return new PostgresDatabase(adminUrl, user, password, name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of this database, for Keycloak's {@code --db-url}. */
    public String jdbcUrl() {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Runs one query on this database and returns the first column of the first row (for checks). */
    public String queryOne(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + name + " failed: " + sql, e);
        }
    }

    /** Drops the database, closing any connection left open. */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the cluster test database " + name, e);
        }
    }
}
