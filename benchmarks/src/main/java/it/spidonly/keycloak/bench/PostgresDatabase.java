package it.spidonly.keycloak.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A database of its own for one benchmark run on the machine's PostgreSQL (127.0.0.1:5432, user {@code postgres},
 * trust authentication), created before Keycloak starts and dropped after it stops, with {@code psql}.
 * <p>
 * Statistics: a production PostgreSQL runs autovacuum, whose autoanalyze keeps the planner's statistics as the tables
 * grow. This machine's CI configuration turns it off ({@code conf.d/90-ci.conf}), and without statistics the planner
 * takes Keycloak's user lookups (by username, e-mail, attribute) for a realm of one user and scans every account of
 * the realm: first logins then slow down with each new account (issue 19, stop 21). {@link #analyzeAsAutovacuumWould}
 * does what autoanalyze would have done by then; the benchmark calls it between batches when {@link #autovacuumOn} is
 * false.
 */
final class PostgresDatabase implements AutoCloseable {
    /**
     * Autoanalyze's rule with PostgreSQL's defaults: a table is analysed once more rows changed since its last
     * analysis than {@code autovacuum_analyze_threshold} + {@code autovacuum_analyze_scale_factor} × its rows.
     */
    static final String ANALYZE_CHANGED_TABLES = """
            DO $$
            DECLARE t record;
            BEGIN
              FOR t IN SELECT s.relid::regclass AS rel FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                       WHERE s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::int
                             + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
              LOOP
                EXECUTE format('ANALYZE %s', t.rel);
              END LOOP;
            END $$""";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    static PostgresDatabase create(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("Bad database name " + name);
        }
        psql("postgres", "CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    /** Whether the server keeps its statistics by itself ({@code SHOW autovacuum}). */
    boolean autovacuumOn() {
        return "on".equals(sql("SHOW autovacuum").trim());
    }

    /** ANALYZE on every table that autoanalyze would have analysed by now. */
    void analyzeAsAutovacuumWould() {
        sql(ANALYZE_CHANGED_TABLES);
    }

    /** Runs {@code sql} in this database; psql's unaligned output. */
    String sql(String sql) {
        return psql(name, sql);
    }

    @Override
    public void close() {
        psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static String psql(String database, String sql) {
        List<String> command = List.of("psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", database,
                "-v", "ON_ERROR_STOP=1", "-qAtc", sql);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("psql failed: " + sql);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run psql (is PostgreSQL at 127.0.0.1:5432?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
