package io.creditlayer.service.testing;

import io.creditlayer.service.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for @QuarkusTest: the server on 127.0.0.1:5432 when it answers, the embedded one otherwise.
 * Each test run gets a database of its own, dropped at the end, so parallel builds never share a schema.
 */
public final class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private String adminUrl;
    private String database;

    @Override
    public Map<String, String> start() {
        adminUrl = reachable("127.0.0.1", 5432) ? LOCAL_SERVER + "postgres"
                : EmbeddedDatabase.start(Path.of("target/embedded-postgres-test"), 0);
        database = "creditlayer_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(adminUrl, "CREATE DATABASE " + database);
        return Map.of("quarkus.datasource.jdbc.url", withDatabase(adminUrl, database),
                "quarkus.datasource.username", "postgres",
                "creditlayer.model.dir", TestModel.dir().toString());
    }

    @Override
    public void stop() {
        if (database != null) {
            execute(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The JDBC URL of the same server with another database name (keeps the query string, if any). */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + rest;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
