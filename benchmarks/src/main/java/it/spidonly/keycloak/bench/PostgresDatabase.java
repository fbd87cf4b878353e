package it.spidonly.keycloak.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A database of its own for one benchmark run on the machine's PostgreSQL (127.0.0.1:5432, user {@code postgres},
 * trust authentication), created before Keycloak starts and dropped after it stops, with {@code psql}.
 */
final class PostgresDatabase implements AutoCloseable {
    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    static PostgresDatabase create(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("Bad database name " + name);
        }
        psql("CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    @Override
    public void close() {
        psql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void psql(String sql) {
        List<String> command = List.of("psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-qc", sql);
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("psql failed: " + sql);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run psql (is PostgreSQL at 127.0.0.1:5432?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
