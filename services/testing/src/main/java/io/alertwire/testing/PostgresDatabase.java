package io.alertwire.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL server started from Maven Central's binaries inside the test run, so that tests
 * use the production SQL dialect and Flyway migrations without Docker. Use it with
 * {@code @WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)}.
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

    private final Map<String, String> serverSettings;
    private EmbeddedPostgres postgres;

    /** The server as the tests use it. */
    public PostgresDatabase() {
        this(Map.of());
    }

    /** The server with extra settings (postgresql.conf names), e.g. a benchmark's statistics extension. */
    public PostgresDatabase(Map<String, String> serverSettings) {
        this.serverSettings = Map.copyOf(serverSettings);
    }

    @Override
    public Map<String, String> start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            serverSettings.forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
