package it.spidonly.keycloak.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** The machine's PostgreSQL (127.0.0.1:5432), in a database of the test's own. */
class PostgresDatabaseTest {

    @Test
    void analysesATableOnceAsManyRowsChangedAsAutoanalyzeWaitsFor() {
        String name = "kc_bench_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36).toLowerCase(Locale.ROOT);
        try (PostgresDatabase database = PostgresDatabase.create(name)) {
            database.sql("CREATE TABLE accounts (id int PRIMARY KEY)");
            database.sql("INSERT INTO accounts SELECT generate_series(1, 1000)");
            database.analyzeAsAutovacuumWould();
            assertEquals("1", analyses(database), "1000 new rows in an empty table: analysed");

            database.sql("INSERT INTO accounts SELECT generate_series(1001, 1100)");
            database.analyzeAsAutovacuumWould();
            assertEquals("1", analyses(database), "100 more in 1000 (under 50 + 10 %): left as it is");

            database.sql("INSERT INTO accounts SELECT generate_series(1101, 1300)");
            database.analyzeAsAutovacuumWould();
            assertEquals("2", analyses(database), "300 changed since the last analysis (over 50 + 10 % of 1000): analysed again");
        }
    }

    private static String analyses(PostgresDatabase database) {
        return database.sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'accounts'").trim();
    }
}
