package io.creditlayer.service.lender;

import io.creditlayer.model.CreditModel;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.scoring.ModelCatalog;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.store.CreditModelRecord;
import io.creditlayer.service.testing.TestModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Test data for the lender tests: the test model approved and active (as governance would leave it), real
 * wallet profiles from the synthetic CSV, and API keys. Idempotent, so every test class may ask for it.
 */
@ApplicationScoped
public class LenderFixtures {
    /** Profiles stored for the tests (the CSV's first distinct wallets). */
    public static final int PROFILES = 40;
    /** A wallet whose EIP-55 checksum mixes cases (the synthetic wallets are mostly digits). */
    public static final String LETTERED = "0xab5801a7d398351b8be11c439e05c5b3259aec9b";

    private final ModelCatalog catalog;
    private final ScoringEngine engine;
    private final ApiKeys keys;
    private final String jdbcUrl;
    private volatile CreditModel model;
    private volatile List<LenderSeed.Profile> profiles;

    public LenderFixtures(ModelCatalog catalog, ScoringEngine engine, ApiKeys keys,
                          @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.catalog = catalog;
        this.engine = engine;
        this.keys = keys;
        this.jdbcUrl = jdbcUrl;
    }

    /** Registers, approves and activates the test model; stores the test profiles. */
    public synchronized void ready() {
        if (model == null) {
            Path dir = TestModel.dir();
            CreditModel loaded = CreditModel.load(dir);
            catalog.register(dir);
            model = loaded;
            setActive(loaded.modelId(), true);
        }
        if (profiles == null) {
            List<LenderSeed.Profile> read = LenderSeed.readCsv(Path.of(System.getProperty("creditlayer.test.training-csv")),
                    model.schema().names()).subList(0, PROFILES);
            store(read);
            store(List.of(read.getFirst().as(LETTERED)));
            profiles = read;
        }
    }

    public CreditModel model() {
        ready();
        return model;
    }

    public List<LenderSeed.Profile> profiles() {
        ready();
        return profiles;
    }

    /** Every CSV profile (for picking a wallet by its score). */
    public List<LenderSeed.Profile> allCsvProfiles() {
        return LenderSeed.readCsv(Path.of(System.getProperty("creditlayer.test.training-csv")), model().schema().names());
    }

    public void store(List<LenderSeed.Profile> stored) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            LenderSeed.store(connection, stored);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        stored.forEach(p -> engine.evict(p.address()));
    }

    /** Governance's switch, for the no-active-model test. */
    public void setActive(String modelId, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> {
            CreditModelRecord record = CreditModelRecord.findById(modelId);
            record.status = CreditModelRecord.Status.APPROVED;
            record.approvedAt = record.approvedAt == null ? Instant.now() : record.approvedAt;
            record.active = active;
        });
        if (active) {
            engine.activate(modelId, model);
        } else {
            engine.deactivate();
        }
    }

    public String key(Scope scope, int requestsPerSecond, int burst) {
        return keys.create("lender test " + scope.id(), EnumSet.of(scope), requestsPerSecond, burst).key();
    }

    public String key(Set<Scope> scopes) {
        return keys.create("lender test", scopes, 1_000, 1_000).key();
    }

    public String scoresKey() {
        return key(Scope.SCORES_READ, 1_000, 1_000);
    }
}
