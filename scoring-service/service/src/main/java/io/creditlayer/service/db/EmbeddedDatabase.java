package io.creditlayer.service.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL (zonky) for the run command and for tests on machines without a server. Its data lives
 * in a directory of its own ({@code creditlayer.db.embedded-dir}, default {@code target/embedded-postgres}) so a
 * restarted service finds its outbox and attestations again.
 */
public final class EmbeddedDatabase {
    public static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    /** Starts the embedded server unless a datasource URL is configured; sets the URL as a system property. */
    public static synchronized void startIfUnconfigured() {
        if (System.getProperty(URL_PROPERTY) != null || System.getenv(URL_ENV) != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("creditlayer.db.embedded-dir", "target/embedded-postgres"));
        System.setProperty(URL_PROPERTY, start(dir, Integer.getInteger("creditlayer.db.embedded-port", 0)));
    }

    /** Starts (or restarts on its existing data) an embedded server in {@code dir}; returns its JDBC URL. */
    public static synchronized String start(Path dir, int port) {
        if (running != null) {
            return running.getJdbcUrl("postgres", "postgres");
        }
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dir.resolve("work").toFile());
            if (port > 0) {
                builder.setPort(port);
            }
            running = builder.start();
            EmbeddedPostgres server = running;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "embedded-postgres-stop"));
            return running.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir.toAbsolutePath(), e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // the process is exiting; the data directory stays consistent thanks to PostgreSQL's WAL
        }
    }
}
