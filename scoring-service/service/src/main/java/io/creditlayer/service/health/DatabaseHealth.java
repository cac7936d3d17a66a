package io.creditlayer.service.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Ready when PostgreSQL answers a query within the health timeout and the schema is migrated. Each check takes a
 * pooled connection afresh (the pool validates and replaces broken ones), so readiness returns by itself with the
 * database; meanwhile the API answers 503 with Retry-After (see ProblemMappers).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
    private final DataSource dataSource;
    private final Duration timeout;

    public DatabaseHealth(DataSource dataSource,
                          @ConfigProperty(name = "creditlayer.db.health-timeout", defaultValue = "2s") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet result = statement.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
                String version = result.next() ? result.getString(1) : null;
                response.withData("latencyMillis", (System.nanoTime() - started) / 1_000_000);
                if (version == null) {
                    return response.down().withData("problem", "the schema is not migrated").build();
                }
                return response.up().withData("schemaVersion", version).build();
            }
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("problem", "database unavailable: " + e.getClass().getSimpleName()).build();
        }
    }
}
